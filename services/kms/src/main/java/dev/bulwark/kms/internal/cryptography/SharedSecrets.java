package dev.bulwark.kms.internal.cryptography;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.InvalidInputException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.Ecdh;
import dev.bulwark.crypto.kms.KeyAgreementAlgorithm;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsTransactions;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretRequest;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretResponse;

/**
 * DeriveSharedSecret: ECDH between a KEY_AGREEMENT key (NIST curves, SM2) and a peer's public key
 * (DER SubjectPublicKeyInfo on the same curve), answering the raw shared secret (the x-coordinate)
 * that the peer computes with the key from GetPublicKey. A peer key that is malformed, on another
 * curve or off the curve is a ValidationException without a message, as AWS answers.
 */
public final class SharedSecrets {
    private static final List<String> KEY_AGREEMENT_ALGORITHMS = List.of("ECDH");
    private static final int MAX_PUBLIC_KEY = 8192;

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;

    public SharedSecrets(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
    }

    public DeriveSharedSecretResponse deriveSharedSecret(Caller caller, DeriveSharedSecretRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("keyAgreementAlgorithm", request.keyAgreementAlgorithmAsString())
                .oneOf("keyAgreementAlgorithm", request.keyAgreementAlgorithmAsString(), KEY_AGREEMENT_ALGORITHMS)
                .required("publicKey", request.publicKey())
                .length("publicKey", request.publicKey(), 1, MAX_PUBLIC_KEY)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        Cryptography.refuseRecipient(request.recipient());
        KeyAgreementAlgorithm algorithm = KeyAgreementAlgorithm.fromWireName(request.keyAgreementAlgorithmAsString()).orElseThrow();
        Agreement agreement = transactions.read(tx -> {
            KmsKey key = access.forUse(tx, caller, request.keyId(), "kms:DeriveSharedSecret",
                    conditions -> conditions.put("kms:KeyAgreementAlgorithm", algorithm.wireName())).key();
            key.requireEnabled();
            key.requireUsage(KeyUsage.KEY_AGREEMENT, "DeriveSharedSecret");
            if (!algorithm.supports(key.spec())) {
                throw KmsErrors.algorithmIncompatible(algorithm.wireName(), key.spec().wireName());
            }
            if (Boolean.TRUE.equals(request.dryRun())) {
                throw KmsErrors.dryRun();
            }
            return new Agreement(key, records.currentMaterial(tx, key));
        });
        SecretBytes secret;
        try {
            secret = Ecdh.deriveSharedSecret(agreement.key().spec(), agreement.material().secret(), algorithm,
                    request.publicKey().asByteArrayUnsafe());
        } catch (InvalidInputException notAPeerKey) {
            // AWS says nothing more (recorded); which check failed would help no honest caller.
            throw CommonErrors.validation(null);
        }
        try {
            return DeriveSharedSecretResponse.builder()
                    .keyId(agreement.key().arn())
                    .sharedSecret(SdkBytes.fromByteArrayUnsafe(secret.toByteArray(InsecureSecretAccess.get())))
                    .keyAgreementAlgorithm(algorithm.wireName())
                    .keyOrigin(agreement.key().record().origin().name())
                    .build();
        } finally {
            secret.destroy();
        }
    }

    private record Agreement(KmsKey key, KeyMaterial material) {
    }
}
