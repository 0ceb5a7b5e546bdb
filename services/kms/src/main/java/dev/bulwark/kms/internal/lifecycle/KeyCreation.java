package dev.bulwark.kms.internal.lifecycle;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.kms.internal.KeyManager;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KeyMaterials;
import dev.bulwark.kms.internal.KeyMetadataMapper;
import dev.bulwark.kms.internal.KeyOrigin;
import dev.bulwark.kms.internal.KeyPolicies;
import dev.bulwark.kms.internal.KeyPolicyValidator;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KeyRecord.KeyTag;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KeyTags;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.KmsTransactions;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;

/**
 * CreateKey: every KeySpec and KeyUsage combination AWS allows ({@link KeySpec#allows}), origins
 * AWS_KMS and EXTERNAL (no material yet, state PendingImport), multi-Region keys ({@code mrk-}
 * ids), tags, a key policy (checked by {@link KeyPolicyValidator}, lockout safety check included)
 * or AWS's default one.
 *
 * <p>Key pairs are generated before the write transaction opens (RSA_4096 takes a second or
 * more), so a slow generation never holds the store's writer.
 *
 * <p>Custom key stores (origins AWS_CLOUDHSM and EXTERNAL_KEY_STORE) are answered as AWS answers
 * an account that has none: CustomKeyStoreNotFoundException.
 */
public final class KeyCreation {
    // The enum sets in the order AWS lists them in its ValidationException (recorded), followed by later additions.
    private static final List<String> KEY_SPECS = List.of("RSA_2048", "ECC_NIST_P384", "ECC_NIST_P256", "ECC_NIST_P521",
            "HMAC_384", "RSA_3072", "ECC_SECG_P256K1", "RSA_4096", "SYMMETRIC_DEFAULT", "HMAC_256", "HMAC_224", "HMAC_512",
            "SM2", "ECC_NIST_EDWARDS25519", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87");
    private static final List<String> CUSTOMER_MASTER_KEY_SPECS = List.of("RSA_2048", "ECC_NIST_P384", "ECC_NIST_P256",
            "ECC_NIST_P521", "HMAC_384", "RSA_3072", "ECC_SECG_P256K1", "RSA_4096", "SYMMETRIC_DEFAULT", "HMAC_256",
            "HMAC_224", "HMAC_512", "SM2");
    private static final List<String> KEY_USAGES = List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT");
    private static final List<String> ORIGINS = List.of("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyMaterials materials;
    private final Clock clock;

    public KeyCreation(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.materials = core.materials();
        this.clock = core.clock();
    }

    public CreateKeyResponse createKey(Caller caller, CreateKeyRequest request) {
        Validation.check()
                .length("policy", request.policy(), 1, KeyPolicyValidator.MAX_POLICY_LENGTH)
                .pattern("policy", request.policy(), KeyPolicyValidator.POLICY_CHARACTERS)
                .length("description", request.description(), 0, 8192)
                .oneOf("keyUsage", request.keyUsageAsString(), KEY_USAGES)
                .oneOf("customerMasterKeySpec", request.customerMasterKeySpecAsString(), CUSTOMER_MASTER_KEY_SPECS)
                .oneOf("keySpec", request.keySpecAsString(), KEY_SPECS)
                .oneOf("origin", request.originAsString(), ORIGINS)
                .length("customKeyStoreId", request.customKeyStoreId(), 1, 64)
                .length("xksKeyId", request.xksKeyId(), 1, 128)
                .orThrow();
        List<KeyTag> tags = KeyTags.validate(request.hasTags() ? request.tags() : null);
        KeySpec spec = keySpec(request);
        KeyUsage usage = keyUsage(request, spec);
        KeyOrigin origin = origin(request);
        boolean multiRegion = Boolean.TRUE.equals(request.multiRegion());
        KmsScope scope = KmsScope.of(caller);
        boolean bypassLockoutCheck = Boolean.TRUE.equals(request.bypassPolicyLockoutSafetyCheck());

        KmsConditions conditions = KmsConditions.of(caller)
                .put("kms:KeySpec", spec.wireName())
                .put("kms:KeyUsage", usage.name())
                .put("kms:KeyOrigin", origin.name())
                .put("kms:MultiRegion", String.valueOf(multiRegion))
                .put("kms:BypassPolicyLockoutSafetyCheck", String.valueOf(bypassLockoutCheck));
        tags.forEach(tag -> conditions.put("aws:RequestTag/" + tag.key(), tag.value()));
        if (!tags.isEmpty()) {
            conditions.put("aws:TagKeys", tags.stream().map(KeyTag::key).toList());
        }
        caller.authorize("kms:CreateKey", "*", conditions.toMap());

        String keyId = materials.newKeyId(multiRegion);
        String policy = request.policy() == null ? KeyPolicies.defaultPolicy(scope)
                : KeyPolicyValidator.validate(caller, scope.keyArn(keyId), request.policy(), bypassLockoutCheck, conditions);
        KeyMaterial material = origin == KeyOrigin.AWS_KMS ? materials.generate(keyId, spec) : null;
        KmsKey key = new KmsKey(scope, new KeyRecord(keyId, clock.instant(),
                material == null ? KeyState.PendingImport : KeyState.Enabled,
                request.description(), spec, usage, origin, KeyManager.CUSTOMER,
                multiRegion ? new KeyRecord.MultiRegion(scope.region().name(), List.of()) : null,
                null, null, policy, tags, material == null ? null : material.materialId()));
        caller.noteResource(key.arn());
        transactions.write(tx -> {
            records.putKey(tx, key);
            if (material != null) {
                records.putMaterial(tx, scope, material);
            }
            return null;
        });
        return CreateKeyResponse.builder().keyMetadata(KeyMetadataMapper.toMetadata(key)).build();
    }

    /** KeySpec, or its deprecated predecessor CustomerMasterKeySpec; never both. */
    private static KeySpec keySpec(CreateKeyRequest request) {
        String keySpec = request.keySpecAsString();
        String customerMasterKeySpec = request.customerMasterKeySpecAsString();
        if (keySpec != null && customerMasterKeySpec != null) {
            throw CommonErrors.validation("You cannot specify KeySpec and CustomerMasterKeySpec in the same request. "
                    + "CustomerMasterKeySpec is deprecated.");
        }
        String name = keySpec != null ? keySpec : customerMasterKeySpec != null ? customerMasterKeySpec : "SYMMETRIC_DEFAULT";
        return KeySpec.fromWireName(name)
                .orElseThrow(() -> KmsErrors.unsupportedOperation("KeySpec " + name + " is not supported by Bulwark."));
    }

    /** KeyUsage defaults to ENCRYPT_DECRYPT for symmetric encryption keys only, and must suit the spec. */
    private static KeyUsage keyUsage(CreateKeyRequest request, KeySpec spec) {
        if (request.keyUsageAsString() == null) {
            if (spec != KeySpec.SYMMETRIC_DEFAULT) {
                throw CommonErrors.validation("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
            }
            return KeyUsage.ENCRYPT_DECRYPT;
        }
        KeyUsage usage = KeyUsage.valueOf(request.keyUsageAsString());
        if (!spec.allows(usage)) {
            throw CommonErrors.validation("KeyUsage " + usage + " is not compatible with KeySpec " + spec.wireName());
        }
        return usage;
    }

    /** Bulwark has no custom key stores, so any request for one is answered as AWS answers an account without them. */
    private static KeyOrigin origin(CreateKeyRequest request) {
        KeyOrigin origin = request.originAsString() == null ? KeyOrigin.AWS_KMS : KeyOrigin.valueOf(request.originAsString());
        if (request.customKeyStoreId() != null) {
            throw KmsErrors.customKeyStoreNotFound();
        }
        if (origin == KeyOrigin.AWS_CLOUDHSM || origin == KeyOrigin.EXTERNAL_KEY_STORE) {
            throw CommonErrors.validation("A CustomKeyStoreId is required when the Origin is " + origin + ".");
        }
        if (request.xksKeyId() != null) {
            throw CommonErrors.validation("XksKeyId is valid only for KMS keys with an Origin of EXTERNAL_KEY_STORE.");
        }
        return origin;
    }
}
