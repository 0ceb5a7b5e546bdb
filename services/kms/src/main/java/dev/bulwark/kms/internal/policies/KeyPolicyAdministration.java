package dev.bulwark.kms.internal.policies;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyPolicyValidator;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.Markers;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesResponse;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyResponse;

/**
 * GetKeyPolicy, PutKeyPolicy and ListKeyPolicies. A key has exactly one policy, named
 * {@code default}; PolicyName may be omitted and means it. GetKeyPolicy returns the policy text
 * exactly as it was given or generated. PutKeyPolicy checks the new policy as
 * {@link KeyPolicyValidator} describes (size, grammar, lockout safety check) and works in every
 * key state; AWS managed keys' policies cannot be changed. All three take a key id or key ARN.
 */
public final class KeyPolicyAdministration {
    private static final String DEFAULT = "default";
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w]+");

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;

    public KeyPolicyAdministration(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
    }

    public GetKeyPolicyResponse getKeyPolicy(Caller caller, GetKeyPolicyRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .length("policyName", request.policyName(), 1, 128)
                .pattern("policyName", request.policyName(), POLICY_NAME)
                .orThrow();
        KmsKey key = transactions.read(tx -> access.byKeyId(tx, caller, request.keyId(), "kms:GetKeyPolicy"));
        if (request.policyName() != null && !request.policyName().equals(DEFAULT)) {
            throw KmsErrors.notFound("No such policy exists");
        }
        return GetKeyPolicyResponse.builder().policy(key.record().policy()).policyName(DEFAULT).build();
    }

    public PutKeyPolicyResponse putKeyPolicy(Caller caller, PutKeyPolicyRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .length("policyName", request.policyName(), 1, 128)
                .pattern("policyName", request.policyName(), POLICY_NAME)
                .requiredText("policy", request.policy(), 1, KeyPolicyValidator.MAX_POLICY_LENGTH)
                .pattern("policy", request.policy(), KeyPolicyValidator.POLICY_CHARACTERS)
                .orThrow();
        boolean bypass = Boolean.TRUE.equals(request.bypassPolicyLockoutSafetyCheck());
        UnaryOperator<KmsConditions> requestConditions =
                conditions -> conditions.put("kms:BypassPolicyLockoutSafetyCheck", String.valueOf(bypass));
        transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, request.keyId(), "kms:PutKeyPolicy", requestConditions);
            if (request.policyName() != null && !request.policyName().equals(DEFAULT)) {
                throw KmsErrors.unsupportedOperation("Only default policy is supported");
            }
            String policy = KeyPolicyValidator.validate(caller, key.arn(), request.policy(), bypass,
                    requestConditions.apply(KmsConditions.of(caller, key)));
            records.putKey(tx, key.with(key.record().withPolicy(policy)));
            return null;
        });
        return PutKeyPolicyResponse.builder().build();
    }

    /** Always the one name {@code default}; a Marker past it gives an empty page. */
    public ListKeyPoliciesResponse listKeyPolicies(Caller caller, ListKeyPoliciesRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .range("limit", request.limit(), 1, 1000)
                .length("marker", request.marker(), 1, 1024)
                .orThrow();
        String after = Markers.decode(request.marker());
        transactions.read(tx -> access.byKeyId(tx, caller, request.keyId(), "kms:ListKeyPolicies"));
        List<String> names = DEFAULT.compareTo(after) > 0 ? List.of(DEFAULT) : List.of();
        return ListKeyPoliciesResponse.builder().policyNames(names).truncated(false).build();
    }
}
