package dev.bulwark.iam.internal;

import dev.bulwark.auth.policy.PolicyType;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyResponse;

/**
 * Inline policies of users, groups and roles: Put, Get, List and Delete, twelve operations
 * written once over {@link EntityKind}.
 *
 * <p>Documents are validated as identity policies when stored and returned URL-encoded, as
 * AWS returns them. An entity's inline policies together may have at most 2,048 (user), 5,120
 * (group) or 10,240 (role) characters, whitespace excluded; past that IAM answers
 * {@code LimitExceeded}: "Maximum policy size of 2048 bytes exceeded for user alice".
 */
public final class InlinePolicyOperations {
    private final IamContext iam;

    public InlinePolicyOperations(IamContext iam) {
        this.iam = iam;
    }

    public PutUserPolicyResponse putUserPolicy(Caller caller, PutUserPolicyRequest r) {
        put(caller, EntityKind.USER, r.userName(), r.policyName(), r.policyDocument(), "iam:PutUserPolicy");
        return PutUserPolicyResponse.builder().build();
    }

    public GetUserPolicyResponse getUserPolicy(Caller caller, GetUserPolicyRequest r) {
        Found found = get(caller, EntityKind.USER, r.userName(), r.policyName(), "iam:GetUserPolicy");
        return GetUserPolicyResponse.builder()
                .userName(found.entityName()).policyName(found.policyName()).policyDocument(found.document()).build();
    }

    public ListUserPoliciesResponse listUserPolicies(Caller caller, ListUserPoliciesRequest r) {
        Paging.Result<String> page = list(caller, EntityKind.USER, r.userName(), r.marker(), r.maxItems(),
                "iam:ListUserPolicies");
        return ListUserPoliciesResponse.builder()
                .policyNames(page.items()).isTruncated(page.truncated()).marker(page.marker().orElse(null)).build();
    }

    public DeleteUserPolicyResponse deleteUserPolicy(Caller caller, DeleteUserPolicyRequest r) {
        delete(caller, EntityKind.USER, r.userName(), r.policyName(), "iam:DeleteUserPolicy");
        return DeleteUserPolicyResponse.builder().build();
    }

    public PutGroupPolicyResponse putGroupPolicy(Caller caller, PutGroupPolicyRequest r) {
        put(caller, EntityKind.GROUP, r.groupName(), r.policyName(), r.policyDocument(), "iam:PutGroupPolicy");
        return PutGroupPolicyResponse.builder().build();
    }

    public GetGroupPolicyResponse getGroupPolicy(Caller caller, GetGroupPolicyRequest r) {
        Found found = get(caller, EntityKind.GROUP, r.groupName(), r.policyName(), "iam:GetGroupPolicy");
        return GetGroupPolicyResponse.builder()
                .groupName(found.entityName()).policyName(found.policyName()).policyDocument(found.document()).build();
    }

    public ListGroupPoliciesResponse listGroupPolicies(Caller caller, ListGroupPoliciesRequest r) {
        Paging.Result<String> page = list(caller, EntityKind.GROUP, r.groupName(), r.marker(), r.maxItems(),
                "iam:ListGroupPolicies");
        return ListGroupPoliciesResponse.builder()
                .policyNames(page.items()).isTruncated(page.truncated()).marker(page.marker().orElse(null)).build();
    }

    public DeleteGroupPolicyResponse deleteGroupPolicy(Caller caller, DeleteGroupPolicyRequest r) {
        delete(caller, EntityKind.GROUP, r.groupName(), r.policyName(), "iam:DeleteGroupPolicy");
        return DeleteGroupPolicyResponse.builder().build();
    }

    public PutRolePolicyResponse putRolePolicy(Caller caller, PutRolePolicyRequest r) {
        put(caller, EntityKind.ROLE, r.roleName(), r.policyName(), r.policyDocument(), "iam:PutRolePolicy");
        return PutRolePolicyResponse.builder().build();
    }

    public GetRolePolicyResponse getRolePolicy(Caller caller, GetRolePolicyRequest r) {
        Found found = get(caller, EntityKind.ROLE, r.roleName(), r.policyName(), "iam:GetRolePolicy");
        return GetRolePolicyResponse.builder()
                .roleName(found.entityName()).policyName(found.policyName()).policyDocument(found.document()).build();
    }

    public ListRolePoliciesResponse listRolePolicies(Caller caller, ListRolePoliciesRequest r) {
        Paging.Result<String> page = list(caller, EntityKind.ROLE, r.roleName(), r.marker(), r.maxItems(),
                "iam:ListRolePolicies");
        return ListRolePoliciesResponse.builder()
                .policyNames(page.items()).isTruncated(page.truncated()).marker(page.marker().orElse(null)).build();
    }

    public DeleteRolePolicyResponse deleteRolePolicy(Caller caller, DeleteRolePolicyRequest r) {
        delete(caller, EntityKind.ROLE, r.roleName(), r.policyName(), "iam:DeleteRolePolicy");
        return DeleteRolePolicyResponse.builder().build();
    }

    /** An inline policy as Get*Policy returns it: the document URL-encoded. */
    private record Found(String entityName, String policyName, String document) {
    }

    private <T extends PolicyHolder<T>> void put(Caller caller, EntityKind<T> kind, String entityName,
            String policyName, String document, String action) {
        Validation validation = kind.existingName(Validation.check(), entityName);
        policyName(validation, policyName);
        PolicyDocuments.constraints(validation, "policyDocument", document).orThrow();
        PolicyDocuments.validate(document, PolicyType.IDENTITY);
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)));
        iam.store().write(tx -> {
            T entity = kind.require(tx, account, entityName);
            Map<String, String> policies = new TreeMap<>(entity.inlinePolicies());
            policies.put(policyName, document);
            int total = policies.values().stream().mapToInt(PolicyDocuments::size).sum();
            if (total > kind.inlinePolicySizeLimit()) {
                throw IamErrors.limitExceeded("Maximum policy size of " + kind.inlinePolicySizeLimit()
                        + " bytes exceeded for " + kind.resourceType() + " " + entity.name());
            }
            kind.put(tx, account, entity.withInlinePolicies(policies));
            return null;
        });
    }

    private <T extends PolicyHolder<T>> Found get(Caller caller, EntityKind<T> kind, String entityName,
            String policyName, String action) {
        Validation validation = kind.existingName(Validation.check(), entityName);
        policyName(validation, policyName).orThrow();
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)));
        T entity = iam.store().read(tx -> kind.require(tx, account, entityName));
        String document = entity.inlinePolicies().get(policyName);
        if (document == null) {
            throw noSuchPolicy(kind, policyName);
        }
        return new Found(entity.name(), policyName, PolicyDocuments.urlEncoded(document));
    }

    private <T extends PolicyHolder<T>> Paging.Result<String> list(Caller caller, EntityKind<T> kind,
            String entityName, String marker, Integer maxItems, String action) {
        Validation validation = kind.existingName(Validation.check(), entityName);
        Constraints.paging(validation, marker, maxItems).orThrow();
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)));
        T entity = iam.store().read(tx -> kind.require(tx, account, entityName));
        List<String> names = new ArrayList<>(entity.inlinePolicies().keySet());
        return Paging.of(marker, maxItems).page(names, name -> name);
    }

    private <T extends PolicyHolder<T>> void delete(Caller caller, EntityKind<T> kind, String entityName,
            String policyName, String action) {
        Validation validation = kind.existingName(Validation.check(), entityName);
        policyName(validation, policyName).orThrow();
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)));
        iam.store().write(tx -> {
            T entity = kind.require(tx, account, entityName);
            if (!entity.inlinePolicies().containsKey(policyName)) {
                throw noSuchPolicy(kind, policyName);
            }
            Map<String, String> policies = new TreeMap<>(entity.inlinePolicies());
            policies.remove(policyName);
            kind.put(tx, account, entity.withInlinePolicies(policies));
            return null;
        });
    }

    private static Validation policyName(Validation validation, String policyName) {
        return Constraints.name(validation.required("policyName", policyName), "policyName", policyName,
                Constraints.POLICY_NAME_MAX);
    }

    private static AwsException noSuchPolicy(EntityKind<?> kind, String policyName) {
        return IamErrors.noSuchEntity("The " + kind.resourceType() + " policy with name " + policyName
                + " cannot be found.");
    }
}
