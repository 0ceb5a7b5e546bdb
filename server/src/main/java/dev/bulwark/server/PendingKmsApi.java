package dev.bulwark.server;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsApi;
import java.util.Map;

/**
 * Stands in for KMS's Java API until the KMS module implements {@link KmsApi}: every call fails,
 * so Parameter Store refuses SecureString writes and decrypting reads instead of storing values
 * unencrypted. Replace it in {@link BulwarkServer} with KMS's implementation and delete it.
 */
final class PendingKmsApi implements KmsApi {

    private static AwsException unavailable() {
        return AwsException.badRequest("UnsupportedOperationException",
                "SecureString parameters need KMS's Java API for sibling services, which this build does not have yet.");
    }

    @Override
    public Encrypted encrypt(Caller caller, String viaService, String keyId, SecretBytes plaintext, Map<String, String> context) {
        throw unavailable();
    }

    @Override
    public Decrypted decrypt(Caller caller, String viaService, byte[] ciphertextBlob, Map<String, String> context) {
        throw unavailable();
    }

    @Override
    public DataKey generateDataKey(Caller caller, String viaService, String keyId, Map<String, String> context) {
        throw unavailable();
    }

    @Override
    public String keyArn(Caller caller, String viaService, String keyId) {
        throw unavailable();
    }
}
