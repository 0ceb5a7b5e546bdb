package dev.bulwark.kms.internal.cryptography;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.kms.EncryptionAlgorithm;
import dev.bulwark.crypto.kms.KeyAgreementAlgorithm;
import dev.bulwark.crypto.kms.SigningAlgorithm;
import dev.bulwark.kms.internal.GrantTokens;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyMetadataMapper;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsTransactions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;

/**
 * GetPublicKey: the DER SubjectPublicKeyInfo of an asymmetric key with the metadata a client
 * needs to use it offline (spec, usage, algorithms). Like AWS, it answers for disabled keys too:
 * a public key is not secret and disabling a key does not revoke signatures already made.
 */
public final class PublicKeys {
    private static final Set<KeyState> READABLE = EnumSet.of(KeyState.Enabled, KeyState.Disabled);

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;

    public PublicKeys(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
    }

    public GetPublicKeyResponse getPublicKey(Caller caller, GetPublicKeyRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        GrantTokens.check(request.hasGrantTokens() ? request.grantTokens() : null);
        return transactions.read(tx -> {
            KmsKey key = access.forUse(tx, caller, request.keyId(), "kms:GetPublicKey", UnaryOperator.identity()).key();
            key.requireState(READABLE);
            if (key.spec().isSymmetric()) {
                throw KmsErrors.unsupportedOperation(KmsErrors.wrongKeySpecMessage(key.arn(), key.spec().wireName(), "GetPublicKey"));
            }
            byte[] publicKey = records.currentMaterial(tx, key).record().publicKey();
            GetPublicKeyResponse.Builder response = GetPublicKeyResponse.builder()
                    .keyId(key.arn())
                    .publicKey(SdkBytes.fromByteArrayUnsafe(publicKey))
                    .keySpec(key.spec().wireName())
                    .keyUsage(key.usage().name());
            if (KeyMetadataMapper.hasCustomerMasterKeySpec(key.spec())) {
                response.customerMasterKeySpec(key.spec().wireName());
            }
            switch (key.usage()) {
                case ENCRYPT_DECRYPT -> response.encryptionAlgorithmsWithStrings(
                        key.spec().encryptionAlgorithms().stream().map(EncryptionAlgorithm::wireName).toList());
                case SIGN_VERIFY -> response.signingAlgorithmsWithStrings(
                        key.spec().signingAlgorithms().stream().map(SigningAlgorithm::wireName).toList());
                case KEY_AGREEMENT -> response.keyAgreementAlgorithmsWithStrings(
                        key.spec().keyAgreementAlgorithms().stream().map(KeyAgreementAlgorithm::wireName).toList());
                case GENERATE_VERIFY_MAC -> throw new IllegalStateException("An asymmetric " + key.spec() + " key has usage MAC");
            }
            return response.build();
        });
    }
}
