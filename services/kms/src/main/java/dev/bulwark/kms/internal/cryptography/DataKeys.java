package dev.bulwark.kms.internal.cryptography;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.EncryptionAlgorithm;
import dev.bulwark.kms.internal.GrantTokens;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.cryptography.KeyCipher.Sealed;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.GenerateRandomResponse;

/**
 * GenerateDataKey, GenerateDataKeyWithoutPlaintext and GenerateRandom. A data key is random bytes
 * (KeySpec AES_128/AES_256, or NumberOfBytes 1..1024; exactly one of them) encrypted under a
 * symmetric encryption KMS key exactly as Encrypt would, so Decrypt opens it.
 */
public final class DataKeys {
    private static final List<String> DATA_KEY_SPECS = List.of("AES_256", "AES_128");
    private static final int MAX_BYTES = 1024;

    private final KmsTransactions transactions;
    private final KeyAccess access;
    private final KeyCipher cipher;
    private final SecureRandom random;

    public DataKeys(KmsCore core) {
        this.transactions = core.transactions();
        this.access = core.access();
        this.cipher = new KeyCipher(core);
        this.random = core.random();
    }

    public GenerateDataKeyResponse generateDataKey(Caller caller, GenerateDataKeyRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .range("numberOfBytes", request.numberOfBytes(), 1, MAX_BYTES)
                .oneOf("keySpec", request.keySpecAsString(), DATA_KEY_SPECS)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        GrantTokens.check(request.hasGrantTokens() ? request.grantTokens() : null);
        Cryptography.refuseRecipient(request.recipient());
        int length = dataKeyLength(request.keySpecAsString(), request.numberOfBytes());
        DataKey dataKey = generate(caller, request.keyId(), "kms:GenerateDataKey", "GenerateDataKey", length,
                Cryptography.context(request.hasEncryptionContext(), request.encryptionContext()), request.dryRun());
        GenerateDataKeyResponse.Builder response = GenerateDataKeyResponse.builder()
                .keyId(dataKey.key().arn())
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(dataKey.sealed().ciphertext()))
                .plaintext(SdkBytes.fromByteArrayUnsafe(dataKey.plaintext().toByteArray(InsecureSecretAccess.get())));
        dataKey.sealed().materialId().ifPresent(response::keyMaterialId);
        dataKey.plaintext().destroy();
        return response.build();
    }

    public GenerateDataKeyWithoutPlaintextResponse generateDataKeyWithoutPlaintext(Caller caller,
            GenerateDataKeyWithoutPlaintextRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .oneOf("keySpec", request.keySpecAsString(), DATA_KEY_SPECS)
                .range("numberOfBytes", request.numberOfBytes(), 1, MAX_BYTES)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        GrantTokens.check(request.hasGrantTokens() ? request.grantTokens() : null);
        int length = dataKeyLength(request.keySpecAsString(), request.numberOfBytes());
        DataKey dataKey = generate(caller, request.keyId(), "kms:GenerateDataKeyWithoutPlaintext",
                "GenerateDataKeyWithoutPlaintext", length,
                Cryptography.context(request.hasEncryptionContext(), request.encryptionContext()), request.dryRun());
        dataKey.plaintext().destroy();
        GenerateDataKeyWithoutPlaintextResponse.Builder response = GenerateDataKeyWithoutPlaintextResponse.builder()
                .keyId(dataKey.key().arn())
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(dataKey.sealed().ciphertext()));
        dataKey.sealed().materialId().ifPresent(response::keyMaterialId);
        return response.build();
    }

    public GenerateRandomResponse generateRandom(Caller caller, GenerateRandomRequest request) {
        if (request.numberOfBytes() == null) {
            throw CommonErrors.validation("NumberOfBytes is required.");
        }
        Validation.check()
                .range("numberOfBytes", request.numberOfBytes(), 1, MAX_BYTES)
                .length("customKeyStoreId", request.customKeyStoreId(), 1, 64)
                .orThrow();
        Cryptography.refuseRecipient(request.recipient());
        if (request.customKeyStoreId() != null) {
            throw KmsErrors.customKeyStoreNotFound();
        }
        caller.authorize("kms:GenerateRandom", "*", KmsConditions.of(caller).toMap());
        byte[] bytes = new byte[request.numberOfBytes()];
        random.nextBytes(bytes);
        return GenerateRandomResponse.builder().plaintext(SdkBytes.fromByteArrayUnsafe(bytes)).build();
    }

    /** Exactly one of KeySpec and NumberOfBytes. */
    private static int dataKeyLength(String keySpec, Integer numberOfBytes) {
        if ((keySpec == null) == (numberOfBytes == null)) {
            throw CommonErrors.validation("Please specify either number of bytes or key spec.");
        }
        if (numberOfBytes != null) {
            return numberOfBytes;
        }
        return keySpec.equals("AES_128") ? 16 : 32;
    }

    private DataKey generate(Caller caller, String keyId, String action, String operation, int length,
            Map<String, String> context, Boolean dryRun) {
        return transactions.read(tx -> {
            KmsKey key = access.forUse(tx, caller, keyId, action,
                    conditions -> conditions.encryptionAlgorithm(EncryptionAlgorithm.SYMMETRIC_DEFAULT).encryptionContext(context)).key();
            key.requireEnabled();
            KeyCipher.requireSymmetricEncryptionKey(key, operation);
            if (Boolean.TRUE.equals(dryRun)) {
                throw KmsErrors.dryRun();
            }
            SecretBytes plaintext = SecretBytes.random(length, random);
            return new DataKey(key, plaintext, cipher.encrypt(tx, key, EncryptionAlgorithm.SYMMETRIC_DEFAULT, plaintext, context));
        });
    }

    private record DataKey(KmsKey key, SecretBytes plaintext, Sealed sealed) {
    }
}
