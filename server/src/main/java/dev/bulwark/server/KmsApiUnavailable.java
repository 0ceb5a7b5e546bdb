package dev.bulwark.server;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsApi;
import java.util.Map;

/**
 * The KMS Java API until the KMS module provides one: every call fails with KMS's internal error,
 * so services that encrypt through KMS (Secrets Manager) refuse to store or read values rather
 * than store them unprotected. Replace it with KMS's implementation in {@link BulwarkServer}.
 */
final class KmsApiUnavailable implements KmsApi {

    private static AwsException unavailable() {
        return new AwsException("KMSInternalException", 500, "KMS is not available in this server.");
    }

    @Override
    public Encrypted encrypt(Caller caller, String viaService, String keyId, SecretBytes plaintext, Map<String, String> encryptionContext) {
        throw unavailable();
    }

    @Override
    public Decrypted decrypt(Caller caller, String viaService, byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        throw unavailable();
    }

    @Override
    public DataKey generateDataKey(Caller caller, String viaService, String keyId, Map<String, String> encryptionContext) {
        throw unavailable();
    }

    @Override
    public String keyArn(Caller caller, String viaService, String keyId) {
        throw unavailable();
    }
}
