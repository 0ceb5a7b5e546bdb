package dev.bulwark.kms;

import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import java.util.Map;

/**
 * What sibling services (Parameter Store, Secrets Manager) may ask of KMS on behalf of their
 * caller. Each call is authorized as that caller with {@code kms:ViaService} set to the calling
 * service ({@code ssm.us-east-1.amazonaws.com}), so key policies and grants decide who can read
 * a SecureString or a secret, exactly as in AWS; and each call leaves a KMS record in the audit
 * trail, made by the service for the caller.
 *
 * <p>Failures are KMS's own errors ({@code NotFoundException}, {@code DisabledException},
 * {@code AccessDeniedException}, {@code InvalidCiphertextException}, ...); the calling service
 * decides how to present them, as AWS's services do.
 */
public interface KmsApi {

    /** A ciphertext and the ARN of the key that made it. */
    record Encrypted(String keyArn, byte[] ciphertextBlob) {
    }

    /** A plaintext and the ARN of the key that protected it. */
    record Decrypted(String keyArn, SecretBytes plaintext) {
    }

    /** A new AES-256 data key, in plaintext and encrypted under the KMS key. */
    record DataKey(String keyArn, SecretBytes plaintext, byte[] ciphertextBlob) {
    }

    /**
     * Encrypts with a symmetric key named by id, ARN or alias; {@code alias/aws/<service>} keys
     * are created on first use, as AWS creates them.
     *
     * @param viaService the calling service's endpoint prefix ({@code ssm}, {@code secretsmanager})
     */
    Encrypted encrypt(Caller caller, String viaService, String keyId, SecretBytes plaintext,
            Map<String, String> encryptionContext);

    /** Decrypts a ciphertext made by {@link #encrypt} or {@link #generateDataKey}. */
    Decrypted decrypt(Caller caller, String viaService, byte[] ciphertextBlob, Map<String, String> encryptionContext);

    /** Generates an AES-256 data key under a symmetric key (KMS GenerateDataKey with KeySpec AES_256). */
    DataKey generateDataKey(Caller caller, String viaService, String keyId, Map<String, String> encryptionContext);

    /** The ARN of the key an id, ARN or alias names (KMS DescribeKey), for services that record it. */
    String keyArn(Caller caller, String viaService, String keyId);
}
