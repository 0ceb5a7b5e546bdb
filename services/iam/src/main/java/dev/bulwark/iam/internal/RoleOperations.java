package dev.bulwark.iam.internal;

import dev.bulwark.auth.policy.PolicyType;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;

/**
 * Roles: CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy.
 *
 * <p>A role's trust policy (its AssumeRolePolicyDocument) says who may assume it; it is
 * validated as a trust policy (a Principal, no Resource) and may have at most 2,048 characters,
 * whitespace excluded. STS reads it through {@link dev.bulwark.iam.IamRoles}.
 */
public final class RoleOperations {
    private static final EntityKind<RoleRecord> ROLE = EntityKind.ROLE;
    private static final int DEFAULT_MAX_SESSION_DURATION = 3600;
    private static final int TRUST_POLICY_SIZE_LIMIT = 2048;

    private final IamContext iam;

    public RoleOperations(IamContext iam) {
        this.iam = iam;
    }

    public CreateRoleResponse createRole(Caller caller, CreateRoleRequest request) {
        Validation validation = Validation.check().required("roleName", request.roleName());
        Constraints.name(validation, "roleName", request.roleName(), Constraints.ROLE_NAME_MAX)
                .string("path", request.path(), 1, Constraints.PATH_MAX, Constraints.PATH);
        PolicyDocuments.constraints(validation, "assumeRolePolicyDocument", request.assumeRolePolicyDocument())
                .string("description", request.description(), 0, Constraints.DESCRIPTION_MAX, Constraints.DESCRIPTION)
                .range("maxSessionDuration", request.maxSessionDuration(), 3600, 43200)
                .string("permissionsBoundary", request.permissionsBoundary(), Constraints.ARN_MIN, Constraints.ARN_MAX,
                        null);
        TagRules.constraints(validation, "tags", request.tags()).orThrow();
        List<TagRecord> tags = TagRules.accept(request.tags());
        AccountId account = caller.account();
        String name = request.roleName();
        String path = Optional.ofNullable(request.path()).orElse("/");
        String boundary = request.permissionsBoundary();
        validateTrustPolicy(request.assumeRolePolicyDocument());

        Map<String, List<String>> conditions = new LinkedHashMap<>(TagRules.requestConditions(tags));
        if (boundary != null) {
            conditions.put("iam:PermissionsBoundary", List.of(boundary));
        }
        caller.authorize("iam:CreateRole", ROLE.arn(account, path, name), conditions);
        RoleRecord created = iam.store().write(tx -> {
            if (ROLE.find(tx, account, name).isPresent()) {
                throw ROLE.alreadyExists(name);
            }
            ROLE.requireRoomFor(tx, account);
            if (boundary != null) {
                ManagedPolicies.useAsBoundary(tx, account, boundary);
            }
            RoleRecord role = new RoleRecord(iam.newId("AROA"), name, path, iam.now(),
                    request.assumeRolePolicyDocument(), request.description(),
                    Optional.ofNullable(request.maxSessionDuration()).orElse(DEFAULT_MAX_SESSION_DURATION), boundary,
                    tags, Map.of(), List.of());
            ROLE.put(tx, account, role);
            return role;
        });
        return CreateRoleResponse.builder().role(IamShapes.role(account, created)).build();
    }

    public GetRoleResponse getRole(Caller caller, GetRoleRequest request) {
        validateRoleName(request.roleName());
        AccountId account = caller.account();
        caller.authorize("iam:GetRole", iam.store().read(tx -> ROLE.arnForName(tx, account, request.roleName())));
        RoleRecord role = iam.store().read(tx -> ROLE.require(tx, account, request.roleName()));
        return GetRoleResponse.builder().role(IamShapes.role(account, role)).build();
    }

    public ListRolesResponse listRoles(Caller caller, ListRolesRequest request) {
        Validation validation = Validation.check()
                .string("pathPrefix", request.pathPrefix(), 1, Constraints.PATH_MAX, Constraints.PATH_PREFIX);
        Constraints.paging(validation, request.marker(), request.maxItems()).orThrow();
        AccountId account = caller.account();
        String prefix = Optional.ofNullable(request.pathPrefix()).orElse("/");
        caller.authorize("iam:ListRoles", ROLE.listingArn(account));
        Paging.Result<RoleRecord> page = iam.store().read(tx -> ROLE.list(tx, account,
                Paging.of(request.marker(), request.maxItems()), role -> role.path().startsWith(prefix)));
        return ListRolesResponse.builder()
                .roles(page.items().stream().map(role -> IamShapes.roleSummary(account, role)).toList())
                .isTruncated(page.truncated())
                .marker(page.marker().orElse(null))
                .build();
    }

    /** Refuses while the role has attached or inline policies. */
    public DeleteRoleResponse deleteRole(Caller caller, DeleteRoleRequest request) {
        validateRoleName(request.roleName());
        AccountId account = caller.account();
        caller.authorize("iam:DeleteRole", iam.store().read(tx -> ROLE.arnForName(tx, account, request.roleName())));
        iam.store().write(tx -> {
            RoleRecord role = ROLE.require(tx, account, request.roleName());
            if (!role.attachedPolicyArns().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!role.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (role.permissionsBoundaryArn() != null) {
                ManagedPolicies.releaseBoundary(tx, account, role.permissionsBoundaryArn());
            }
            ROLE.delete(tx, account, role.roleName());
            return null;
        });
        return DeleteRoleResponse.builder().build();
    }

    public UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(Caller caller, UpdateAssumeRolePolicyRequest request) {
        Validation validation = Validation.check().required("roleName", request.roleName());
        Constraints.name(validation, "roleName", request.roleName(), Constraints.ROLE_NAME_MAX);
        PolicyDocuments.constraints(validation, "policyDocument", request.policyDocument()).orThrow();
        validateTrustPolicy(request.policyDocument());
        AccountId account = caller.account();
        caller.authorize("iam:UpdateAssumeRolePolicy",
                iam.store().read(tx -> ROLE.arnForName(tx, account, request.roleName())));
        iam.store().write(tx -> {
            RoleRecord role = ROLE.require(tx, account, request.roleName());
            ROLE.put(tx, account, role.withTrustPolicy(request.policyDocument()));
            return null;
        });
        return UpdateAssumeRolePolicyResponse.builder().build();
    }

    private void validateTrustPolicy(String document) {
        PolicyDocuments.validate(document, PolicyType.TRUST);
        if (PolicyDocuments.size(document) > TRUST_POLICY_SIZE_LIMIT) {
            throw IamErrors.quota("ACLSizePerRole", TRUST_POLICY_SIZE_LIMIT);
        }
    }

    private static void validateRoleName(String roleName) {
        Validation validation = Validation.check().required("roleName", roleName);
        Constraints.name(validation, "roleName", roleName, Constraints.ROLE_NAME_MAX).orThrow();
    }
}
