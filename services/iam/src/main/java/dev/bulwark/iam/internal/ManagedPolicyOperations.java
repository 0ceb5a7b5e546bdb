package dev.bulwark.iam.internal;

import dev.bulwark.auth.policy.PolicyType;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;

/**
 * Customer managed policies and their versions: CreatePolicy, GetPolicy, ListPolicies,
 * DeletePolicy, CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, DeletePolicyVersion,
 * SetDefaultPolicyVersion.
 *
 * <p>A policy has up to five versions, one of them the default (the one in force); version
 * numbers are never reused. Each version is validated as an identity policy and may have at
 * most 6,144 characters, whitespace excluded. A policy cannot be deleted while attached or used
 * as a permissions boundary, nor while it has versions besides the default.
 */
public final class ManagedPolicyOperations {
    private static final List<String> SCOPES = List.of("All", "AWS", "Local");
    private static final List<String> USAGE_FILTERS = List.of("PermissionsPolicy", "PermissionsBoundary");

    private final IamContext iam;

    public ManagedPolicyOperations(IamContext iam) {
        this.iam = iam;
    }

    public CreatePolicyResponse createPolicy(Caller caller, CreatePolicyRequest request) {
        Validation validation = Validation.check().required("policyName", request.policyName());
        Constraints.name(validation, "policyName", request.policyName(), Constraints.POLICY_NAME_MAX)
                .string("path", request.path(), 1, Constraints.PATH_MAX, Constraints.POLICY_PATH)
                .string("description", request.description(), 0, Constraints.DESCRIPTION_MAX, null);
        PolicyDocuments.constraints(validation, "policyDocument", request.policyDocument());
        TagRules.constraints(validation, "tags", request.tags()).orThrow();
        List<TagRecord> tags = TagRules.accept(request.tags());
        validateDocument(request.policyDocument());
        AccountId account = caller.account();
        String name = request.policyName();
        String path = Optional.ofNullable(request.path()).orElse("/");
        caller.authorize("iam:CreatePolicy", ManagedPolicies.arn(account, path, name), TagRules.requestConditions(tags));
        ManagedPolicyRecord created = iam.store().write(tx -> {
            if (ManagedPolicies.TABLE.find(tx, account, name).isPresent()) {
                throw IamErrors.entityAlreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
            }
            if (ManagedPolicies.TABLE.count(tx, account) >= ManagedPolicies.ACCOUNT_LIMIT) {
                throw IamErrors.quota("PoliciesPerAccount", ManagedPolicies.ACCOUNT_LIMIT);
            }
            Instant now = iam.now();
            ManagedPolicyRecord policy = new ManagedPolicyRecord(iam.newId("ANPA"), name, path, request.description(),
                    now, now, "v1", 2, List.of(new ManagedPolicyRecord.Version("v1", request.policyDocument(), now)),
                    0, 0, tags);
            ManagedPolicies.put(tx, account, policy);
            return policy;
        });
        return CreatePolicyResponse.builder().policy(IamShapes.policy(account, created)).build();
    }

    public GetPolicyResponse getPolicy(Caller caller, GetPolicyRequest request) {
        String policyArn = validatePolicyArn(request.policyArn());
        AccountId account = caller.account();
        caller.authorize("iam:GetPolicy", policyArn);
        ManagedPolicyRecord policy = iam.store().read(tx -> ManagedPolicies.require(tx, account, policyArn));
        return GetPolicyResponse.builder().policy(IamShapes.policy(account, policy)).build();
    }

    /**
     * Scope {@code AWS} lists nothing: Bulwark has no AWS managed policies. With OnlyAttached,
     * a policy counts as attached when it is attached to an entity or, with PolicyUsageFilter
     * PermissionsBoundary, when it bounds one.
     */
    public ListPoliciesResponse listPolicies(Caller caller, ListPoliciesRequest request) {
        Validation validation = Validation.check()
                .oneOf("scope", request.scopeAsString(), SCOPES)
                .string("pathPrefix", request.pathPrefix(), 1, Constraints.PATH_MAX, Constraints.POLICY_PATH)
                .oneOf("policyUsageFilter", request.policyUsageFilterAsString(), USAGE_FILTERS);
        Constraints.paging(validation, request.marker(), request.maxItems()).orThrow();
        AccountId account = caller.account();
        caller.authorize("iam:ListPolicies", "*");
        if ("AWS".equals(request.scopeAsString())) {
            return ListPoliciesResponse.builder().policies(List.of()).isTruncated(false).build();
        }
        String prefix = Optional.ofNullable(request.pathPrefix()).orElse("/");
        Predicate<ManagedPolicyRecord> inPath = policy -> policy.path().startsWith(prefix);
        Predicate<ManagedPolicyRecord> filter = Boolean.TRUE.equals(request.onlyAttached())
                ? inPath.and(attached(request.policyUsageFilterAsString())) : inPath;
        Paging.Result<ManagedPolicyRecord> page = iam.store().read(tx -> ManagedPolicies.TABLE.list(tx, account,
                Paging.of(request.marker(), request.maxItems()), filter));
        return ListPoliciesResponse.builder()
                .policies(page.items().stream().map(policy -> IamShapes.policySummary(account, policy)).toList())
                .isTruncated(page.truncated())
                .marker(page.marker().orElse(null))
                .build();
    }

    public DeletePolicyResponse deletePolicy(Caller caller, DeletePolicyRequest request) {
        String policyArn = validatePolicyArn(request.policyArn());
        AccountId account = caller.account();
        caller.authorize("iam:DeletePolicy", policyArn);
        iam.store().write(tx -> {
            ManagedPolicyRecord policy = ManagedPolicies.require(tx, account, policyArn);
            if (policy.attachmentCount() > 0 || policy.boundaryUsageCount() > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy,"
                        + " you must delete the policy's versions. The default version is deleted with the policy.");
            }
            ManagedPolicies.TABLE.delete(tx, account, policy.policyName());
            return null;
        });
        return DeletePolicyResponse.builder().build();
    }

    public CreatePolicyVersionResponse createPolicyVersion(Caller caller, CreatePolicyVersionRequest request) {
        String policyArn = validatePolicyArn(request.policyArn());
        PolicyDocuments.constraints(Validation.check(), "policyDocument", request.policyDocument()).orThrow();
        validateDocument(request.policyDocument());
        AccountId account = caller.account();
        caller.authorize("iam:CreatePolicyVersion", policyArn);
        boolean setAsDefault = Boolean.TRUE.equals(request.setAsDefault());
        ManagedPolicyRecord updated = iam.store().write(tx -> {
            ManagedPolicyRecord policy = ManagedPolicies.require(tx, account, policyArn);
            if (policy.versions().size() >= ManagedPolicies.VERSIONS_LIMIT) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + ManagedPolicies.VERSIONS_LIMIT
                        + " versions. Before you create a new version, you must delete an existing version.");
            }
            ManagedPolicyRecord withVersion = policy.withVersionAdded(request.policyDocument(), setAsDefault, iam.now());
            ManagedPolicies.put(tx, account, withVersion);
            return withVersion;
        });
        ManagedPolicyRecord.Version created = updated.versions().get(updated.versions().size() - 1);
        return CreatePolicyVersionResponse.builder().policyVersion(IamShapes.version(updated, created, false)).build();
    }

    public GetPolicyVersionResponse getPolicyVersion(Caller caller, GetPolicyVersionRequest request) {
        String policyArn = validatePolicyArn(request.policyArn());
        validateVersionId(request.versionId());
        AccountId account = caller.account();
        caller.authorize("iam:GetPolicyVersion", policyArn);
        ManagedPolicyRecord policy = iam.store().read(tx -> ManagedPolicies.require(tx, account, policyArn));
        ManagedPolicyRecord.Version version = requireVersion(policy, policyArn, request.versionId());
        return GetPolicyVersionResponse.builder().policyVersion(IamShapes.version(policy, version, true)).build();
    }

    /** Newest first, as AWS lists them; without documents. */
    public ListPolicyVersionsResponse listPolicyVersions(Caller caller, ListPolicyVersionsRequest request) {
        String policyArn = validatePolicyArn(request.policyArn());
        Constraints.paging(Validation.check(), request.marker(), request.maxItems()).orThrow();
        AccountId account = caller.account();
        caller.authorize("iam:ListPolicyVersions", policyArn);
        ManagedPolicyRecord policy = iam.store().read(tx -> ManagedPolicies.require(tx, account, policyArn));
        List<ManagedPolicyRecord.Version> newestFirst = policy.versions().stream()
                .sorted(Comparator.comparing(ManagedPolicyOperations::versionNumber).reversed()).toList();
        Paging.Result<ManagedPolicyRecord.Version> page = Paging.of(request.marker(), request.maxItems())
                .page(newestFirst, version -> String.format("%010d", Integer.MAX_VALUE - versionNumber(version)));
        return ListPolicyVersionsResponse.builder()
                .versions(page.items().stream().map(version -> IamShapes.version(policy, version, false)).toList())
                .isTruncated(page.truncated())
                .marker(page.marker().orElse(null))
                .build();
    }

    public DeletePolicyVersionResponse deletePolicyVersion(Caller caller, DeletePolicyVersionRequest request) {
        String policyArn = validatePolicyArn(request.policyArn());
        validateVersionId(request.versionId());
        AccountId account = caller.account();
        caller.authorize("iam:DeletePolicyVersion", policyArn);
        iam.store().write(tx -> {
            ManagedPolicyRecord policy = ManagedPolicies.require(tx, account, policyArn);
            requireVersion(policy, policyArn, request.versionId());
            if (request.versionId().equals(policy.defaultVersionId())) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            ManagedPolicies.put(tx, account, policy.withVersionRemoved(request.versionId()));
            return null;
        });
        return DeletePolicyVersionResponse.builder().build();
    }

    public SetDefaultPolicyVersionResponse setDefaultPolicyVersion(Caller caller, SetDefaultPolicyVersionRequest request) {
        String policyArn = validatePolicyArn(request.policyArn());
        validateVersionId(request.versionId());
        AccountId account = caller.account();
        caller.authorize("iam:SetDefaultPolicyVersion", policyArn);
        iam.store().write(tx -> {
            ManagedPolicyRecord policy = ManagedPolicies.require(tx, account, policyArn);
            requireVersion(policy, policyArn, request.versionId());
            ManagedPolicies.put(tx, account, policy.withDefaultVersion(request.versionId(), iam.now()));
            return null;
        });
        return SetDefaultPolicyVersionResponse.builder().build();
    }

    private void validateDocument(String document) {
        PolicyDocuments.validate(document, PolicyType.IDENTITY);
        if (PolicyDocuments.size(document) > ManagedPolicies.SIZE_LIMIT) {
            throw IamErrors.quota("PolicySize", ManagedPolicies.SIZE_LIMIT);
        }
    }

    /** Checks the PolicyArn member and its form; returns it. */
    static String validatePolicyArn(String policyArn) {
        Validation.check().required("policyArn", policyArn)
                .string("policyArn", policyArn, Constraints.ARN_MIN, Constraints.ARN_MAX, null)
                .orThrow();
        ManagedPolicies.requireValidArn(policyArn);
        return policyArn;
    }

    private static void validateVersionId(String versionId) {
        Validation.check().required("versionId", versionId)
                .string("versionId", versionId, 1, Integer.MAX_VALUE, Constraints.VERSION_ID)
                .orThrow();
    }

    private static ManagedPolicyRecord.Version requireVersion(ManagedPolicyRecord policy, String policyArn,
            String versionId) {
        return policy.version(versionId).orElseThrow(() -> noSuchVersion(policyArn, versionId));
    }

    private static AwsException noSuchVersion(String policyArn, String versionId) {
        return IamErrors.noSuchEntity("Policy " + policyArn + " version " + versionId
                + " does not exist or is not attachable.");
    }

    private static int versionNumber(ManagedPolicyRecord.Version version) {
        return Integer.parseInt(version.versionId().substring(1));
    }

    private static Predicate<ManagedPolicyRecord> attached(String usageFilter) {
        if ("PermissionsBoundary".equals(usageFilter)) {
            return policy -> policy.boundaryUsageCount() > 0;
        }
        if ("PermissionsPolicy".equals(usageFilter)) {
            return policy -> policy.attachmentCount() > 0;
        }
        return policy -> policy.attachmentCount() > 0 || policy.boundaryUsageCount() > 0;
    }
}
