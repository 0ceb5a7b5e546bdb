package dev.bulwark.secretsmanager.internal.metadata;

import dev.bulwark.auth.policy.MalformedPolicyException;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PolicyType;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.Validation;
import dev.bulwark.secretsmanager.internal.Requests;
import dev.bulwark.secretsmanager.internal.SecretLookup;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.SecretsErrors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidationErrorsEntry;

/**
 * PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy and ValidateResourcePolicy. Policies
 * are validated by the policy engine as resource policies (Principal and Resource required) and
 * stored as given; every later call on the secret is authorized with the stored policy.
 */
public final class ResourcePolicies {
    /** The check name ValidateResourcePolicy reports for a policy that grants broad access. */
    static final String BROAD_ACCESS_CHECK = "BROAD_ACCESS";

    private final SecretsCore core;

    public ResourcePolicies(SecretsCore core) {
        this.core = core;
    }

    public PutResourcePolicyResponse putResourcePolicy(Caller caller, PutResourcePolicyRequest request) {
        Requests.secretId(request.secretId())
                .required("resourcePolicy", request.resourcePolicy()).string("resourcePolicy", request.resourcePolicy(), 1, 20480, null)
                .orThrow();
        boolean block = Boolean.TRUE.equals(request.blockPublicPolicy());
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "PutResourcePolicy",
                Map.of("secretsmanager:BlockPublicPolicy", List.of(Boolean.toString(block))));
        PolicyDocument policy = parse(request.resourcePolicy());
        if (block && PublicAccess.isPublic(policy)) {
            throw SecretsErrors.publicPolicy();
        }
        Instant now = Requests.now(core.clock());
        core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            SecretLookup.requireActive(current);
            core.records().put(tx, found.scope(), current.withResourcePolicy(request.resourcePolicy(), now));
            return null;
        });
        core.replicas().sync(caller, found.scope(), found.secret().name());
        return PutResourcePolicyResponse.builder().arn(found.secret().arn()).name(found.secret().name()).build();
    }

    public GetResourcePolicyResponse getResourcePolicy(Caller caller, GetResourcePolicyRequest request) {
        Requests.secretId(request.secretId()).orThrow();
        SecretLookup.Found found = core.lookup().findActive(caller, request.secretId(), "GetResourcePolicy", Map.of());
        return GetResourcePolicyResponse.builder().arn(found.secret().arn()).name(found.secret().name())
                .resourcePolicy(found.secret().resourcePolicy()).build();
    }

    public DeleteResourcePolicyResponse deleteResourcePolicy(Caller caller, DeleteResourcePolicyRequest request) {
        Requests.secretId(request.secretId()).orThrow();
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "DeleteResourcePolicy", Map.of());
        Instant now = Requests.now(core.clock());
        core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            core.records().put(tx, found.scope(), current.withResourcePolicy(null, now));
            return null;
        });
        core.replicas().sync(caller, found.scope(), found.secret().name());
        return DeleteResourcePolicyResponse.builder().arn(found.secret().arn()).name(found.secret().name()).build();
    }

    /**
     * Checks a policy's syntax (MalformedPolicyDocumentException, as PutResourcePolicy would fail)
     * and whether it grants broad access (reported, not thrown: the policy could still be put
     * without BlockPublicPolicy).
     */
    public ValidateResourcePolicyResponse validateResourcePolicy(Caller caller, ValidateResourcePolicyRequest request) {
        Validation.check()
                .string("secretId", request.secretId(), 1, 2048, null)
                .required("resourcePolicy", request.resourcePolicy()).string("resourcePolicy", request.resourcePolicy(), 1, 20480, null)
                .orThrow();
        if (request.secretId() != null) {
            core.lookup().findActive(caller, request.secretId(), "ValidateResourcePolicy", Map.of());
        } else {
            core.access().authorizeService(caller, "ValidateResourcePolicy", Map.of());
        }
        PolicyDocument policy = parse(request.resourcePolicy());
        if (PublicAccess.isPublic(policy)) {
            return ValidateResourcePolicyResponse.builder().policyValidationPassed(false)
                    .validationErrors(ValidationErrorsEntry.builder().checkName(BROAD_ACCESS_CHECK)
                            .errorMessage("The resource policy grants broad access to the secret.").build())
                    .build();
        }
        return ValidateResourcePolicyResponse.builder().policyValidationPassed(true).validationErrors(List.of()).build();
    }

    private static PolicyDocument parse(String json) {
        try {
            return PolicyDocument.parse(json, PolicyType.RESOURCE);
        } catch (MalformedPolicyException malformed) {
            throw SecretsErrors.malformedPolicy(malformed.getMessage());
        }
    }
}
