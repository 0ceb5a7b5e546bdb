package dev.bulwark.kms.internal.cryptography;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.EncryptionAlgorithm;
import dev.bulwark.kms.internal.GrantTokens;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.cryptography.KeyCipher.Opened;
import dev.bulwark.kms.internal.cryptography.KeyCipher.Sealed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * Encrypt, Decrypt and ReEncrypt. Each checks its request's constraints, finds and authorizes
 * the key (with the encryption context and algorithm as condition keys), checks the key's state
 * and usage, and answers DryRun once everything else would succeed. Plaintexts are held as
 * {@link SecretBytes} and wiped once the response has its copy.
 */
public final class Cryptography {
    static final List<String> ENCRYPTION_ALGORITHMS = List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE");
    private static final int MAX_PLAINTEXT = 4096;
    private static final int MAX_CIPHERTEXT = 6144;

    private final KmsTransactions transactions;
    private final KeyAccess access;
    private final KeyCipher cipher;

    public Cryptography(KmsCore core) {
        this.transactions = core.transactions();
        this.access = core.access();
        this.cipher = new KeyCipher(core);
    }

    public EncryptResponse encrypt(Caller caller, EncryptRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("plaintext", request.plaintext())
                .sensitive("plaintext", request.plaintext(), 1, MAX_PLAINTEXT)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .oneOf("encryptionAlgorithm", request.encryptionAlgorithmAsString(), ENCRYPTION_ALGORITHMS)
                .orThrow();
        GrantTokens.check(request.hasGrantTokens() ? request.grantTokens() : null);
        EncryptionAlgorithm algorithm = algorithm(request.encryptionAlgorithmAsString());
        Map<String, String> context = context(request.hasEncryptionContext(), request.encryptionContext());
        SecretBytes plaintext = SecretBytes.copyOf(request.plaintext().asByteArrayUnsafe());
        Encrypted encrypted = transactions.read(tx -> {
            KmsKey key = access.forUse(tx, caller, request.keyId(), "kms:Encrypt",
                    conditions -> conditions.encryptionAlgorithm(algorithm).encryptionContext(context)).key();
            key.requireEnabled();
            KeyCipher.checkEncryption(key, algorithm, context, plaintext.size(), "Encrypt");
            if (Boolean.TRUE.equals(request.dryRun())) {
                throw KmsErrors.dryRun();
            }
            return new Encrypted(key, cipher.encrypt(tx, key, algorithm, plaintext, context));
        });
        plaintext.destroy();
        return EncryptResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(encrypted.sealed().ciphertext()))
                .keyId(encrypted.key().arn())
                .encryptionAlgorithm(algorithm.wireName())
                .build();
    }

    public DecryptResponse decrypt(Caller caller, DecryptRequest request) {
        Validation.check()
                .required("ciphertextBlob", request.ciphertextBlob())
                .length("ciphertextBlob", request.ciphertextBlob(), 1, MAX_CIPHERTEXT)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .length("keyId", request.keyId(), 1, 2048)
                .oneOf("encryptionAlgorithm", request.encryptionAlgorithmAsString(), ENCRYPTION_ALGORITHMS)
                .orThrow();
        GrantTokens.check(request.hasGrantTokens() ? request.grantTokens() : null);
        refuseRecipient(request.recipient());
        EncryptionAlgorithm algorithm = algorithm(request.encryptionAlgorithmAsString());
        Map<String, String> context = context(request.hasEncryptionContext(), request.encryptionContext());
        Opened opened = transactions.read(tx -> cipher.decrypt(tx, caller, request.ciphertextBlob().asByteArrayUnsafe(),
                Optional.ofNullable(request.keyId()), algorithm, context, "kms:Decrypt", "Decrypt"));
        if (Boolean.TRUE.equals(request.dryRun())) {
            opened.plaintext().destroy();
            throw KmsErrors.dryRun();
        }
        DecryptResponse.Builder response = DecryptResponse.builder()
                .keyId(opened.key().arn())
                .plaintext(SdkBytes.fromByteArrayUnsafe(opened.plaintext().toByteArray(InsecureSecretAccess.get())))
                .encryptionAlgorithm(opened.algorithm().wireName());
        opened.materialId().ifPresent(response::keyMaterialId);
        opened.plaintext().destroy();
        return response.build();
    }

    public ReEncryptResponse reEncrypt(Caller caller, ReEncryptRequest request) {
        Validation.check()
                .required("ciphertextBlob", request.ciphertextBlob())
                .length("ciphertextBlob", request.ciphertextBlob(), 1, MAX_CIPHERTEXT)
                .length("sourceKeyId", request.sourceKeyId(), 1, 2048)
                .requiredText("destinationKeyId", request.destinationKeyId(), 1, 2048)
                .oneOf("sourceEncryptionAlgorithm", request.sourceEncryptionAlgorithmAsString(), ENCRYPTION_ALGORITHMS)
                .oneOf("destinationEncryptionAlgorithm", request.destinationEncryptionAlgorithmAsString(), ENCRYPTION_ALGORITHMS)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        GrantTokens.check(request.hasGrantTokens() ? request.grantTokens() : null);
        EncryptionAlgorithm sourceAlgorithm = algorithm(request.sourceEncryptionAlgorithmAsString());
        EncryptionAlgorithm destinationAlgorithm = algorithm(request.destinationEncryptionAlgorithmAsString());
        Map<String, String> sourceContext = context(request.hasSourceEncryptionContext(), request.sourceEncryptionContext());
        Map<String, String> destinationContext =
                context(request.hasDestinationEncryptionContext(), request.destinationEncryptionContext());
        ReEncrypted result = transactions.read(tx -> {
            Opened opened = cipher.decrypt(tx, caller, request.ciphertextBlob().asByteArrayUnsafe(),
                    Optional.ofNullable(request.sourceKeyId()), sourceAlgorithm, sourceContext, "kms:ReEncryptFrom", "ReEncrypt");
            try {
                KmsKey destination = access.forUse(tx, caller, request.destinationKeyId(), "kms:ReEncryptTo",
                        conditions -> conditions.encryptionAlgorithm(destinationAlgorithm).encryptionContext(destinationContext)).key();
                destination.requireEnabled();
                KeyCipher.checkEncryption(destination, destinationAlgorithm, destinationContext, opened.plaintext().size(), "ReEncrypt");
                if (Boolean.TRUE.equals(request.dryRun())) {
                    throw KmsErrors.dryRun();
                }
                return new ReEncrypted(opened, new Encrypted(destination,
                        cipher.encrypt(tx, destination, destinationAlgorithm, opened.plaintext(), destinationContext)));
            } finally {
                opened.plaintext().destroy();
            }
        });
        ReEncryptResponse.Builder response = ReEncryptResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(result.destination().sealed().ciphertext()))
                .sourceKeyId(result.source().key().arn())
                .keyId(result.destination().key().arn())
                .sourceEncryptionAlgorithm(sourceAlgorithm.wireName())
                .destinationEncryptionAlgorithm(destinationAlgorithm.wireName());
        result.source().materialId().ifPresent(response::sourceKeyMaterialId);
        result.destination().sealed().materialId().ifPresent(response::destinationKeyMaterialId);
        return response.build();
    }

    /** The request's algorithm; absent means SYMMETRIC_DEFAULT. The name was checked against the enum already. */
    static EncryptionAlgorithm algorithm(String wireName) {
        return wireName == null ? EncryptionAlgorithm.SYMMETRIC_DEFAULT : EncryptionAlgorithm.fromWireName(wireName).orElseThrow();
    }

    /** The SDK model reports an absent map as an empty one; both mean "no context". */
    static Map<String, String> context(boolean present, Map<String, String> context) {
        return present ? Map.copyOf(context) : Map.of();
    }

    /**
     * Nitro Enclaves attestation (Recipient) returns the plaintext encrypted to an enclave's key.
     * Bulwark cannot verify attestation documents, and ignoring the parameter would return the
     * plaintext where the caller asked for it not to be returned, so it is refused.
     */
    static void refuseRecipient(Object recipient) {
        if (recipient != null) {
            throw KmsErrors.unsupportedOperation("Recipient (Nitro Enclaves attestation) is not supported by Bulwark.");
        }
    }

    private record Encrypted(KmsKey key, Sealed sealed) {
    }

    private record ReEncrypted(Opened source, Encrypted destination) {
    }
}
