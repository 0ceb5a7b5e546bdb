package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.AesGcm;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsApi;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.AEADBadTagException;

/**
 * Envelope encryption of secret values, as Secrets Manager does it: for each version, a fresh
 * AES-256 data key from KMS ({@code GenerateDataKey} under the secret's key, or
 * {@code alias/aws/secretsmanager}) with the encryption context
 * {@code {"SecretARN": arn, "SecretVersionId": versionId}}; the value is encrypted locally with
 * AES-256-GCM under that data key, binding the ARN and version id as associated data, and only
 * the KMS-encrypted data key is kept. Reading a value asks KMS to decrypt the data key, as the
 * caller, with the same context, so the key policy and grants decide who can read a secret and
 * the audit trail shows the KMS call.
 *
 * <p>A KMS refusal about access ({@code AccessDeniedException}) becomes what Secrets Manager
 * answers in AWS, AccessDeniedException "Access to KMS is not allowed"; any other KMS failure
 * becomes Secrets Manager's EncryptionFailure or DecryptionFailure carrying KMS's message.
 */
public final class SecretCipher {
    public static final String VIA_SERVICE = "secretsmanager";
    public static final String DEFAULT_KEY = "alias/aws/secretsmanager";

    private final KmsApi kms;
    private final SecureRandom random;

    public SecretCipher(KmsApi kms, SecureRandom random) {
        this.kms = kms;
        this.random = random;
    }

    /** An encrypted value: the key that protects it, its KMS-encrypted data key and the ciphertext. */
    public record Sealed(String kmsKeyArn, byte[] encryptedDataKey, SecretBytes ciphertext) {
    }

    /** @param kmsKeyId the secret's key as given, or null for {@code alias/aws/secretsmanager} */
    public Sealed seal(Caller caller, String kmsKeyId, String arn, String versionId, SecretBytes plaintext) {
        KmsApi.DataKey dataKey;
        try {
            dataKey = kms.generateDataKey(caller, VIA_SERVICE, kmsKeyId == null || kmsKeyId.isEmpty() ? DEFAULT_KEY : kmsKeyId,
                    context(arn, versionId));
        } catch (AwsException kmsFailure) {
            throw accessDeniedOr(kmsFailure, SecretsErrors.encryptionFailure(kmsFailure.getMessage()));
        }
        try {
            byte[] ciphertext = new AesGcm(dataKey.plaintext(), random)
                    .encrypt(plaintext.toByteArray(InsecureSecretAccess.get()), associatedData(arn, versionId));
            return new Sealed(dataKey.keyArn(), dataKey.ciphertextBlob(), SecretBytes.copyOf(ciphertext));
        } finally {
            dataKey.plaintext().destroy();
        }
    }

    public SecretBytes open(Caller caller, String arn, VersionRecord version, SecretBytes ciphertext) {
        KmsApi.Decrypted dataKey;
        try {
            dataKey = kms.decrypt(caller, VIA_SERVICE, version.encryptedDataKey(), context(arn, version.versionId()));
        } catch (AwsException kmsFailure) {
            throw accessDeniedOr(kmsFailure, SecretsErrors.decryptionFailure(kmsFailure.getMessage()));
        }
        try {
            return SecretBytes.copyOf(new AesGcm(dataKey.plaintext(), random)
                    .decrypt(ciphertext.toByteArray(InsecureSecretAccess.get()), associatedData(arn, version.versionId())));
        } catch (AEADBadTagException tampered) {
            throw SecretsErrors.decryptionFailure("Secrets Manager can't decrypt the protected secret text using the provided KMS key.");
        } finally {
            dataKey.plaintext().destroy();
        }
    }

    static Map<String, String> context(String arn, String versionId) {
        return Map.of("SecretARN", arn, "SecretVersionId", versionId);
    }

    private static byte[] associatedData(String arn, String versionId) {
        // An ARN holds no newline, so the pair reads back one way only.
        return (arn + "\n" + versionId).getBytes(StandardCharsets.UTF_8);
    }

    private static AwsException accessDeniedOr(AwsException kmsFailure, AwsException otherwise) {
        return "AccessDeniedException".equals(kmsFailure.code()) ? SecretsErrors.kmsAccessDenied() : otherwise;
    }
}
