package dev.bulwark.server;

import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsApi;
import java.util.Map;
import java.util.function.Supplier;

/**
 * KMS's sibling API for services made at start-up (Secrets Manager), without making KMS
 * itself at start-up: the first call creates it.
 */
final class LazyKmsApi implements KmsApi {
    private final Supplier<KmsApi> kms;

    LazyKmsApi(Supplier<KmsApi> kms) {
        this.kms = kms;
    }

    @Override
    public Encrypted encrypt(Caller caller, String viaService, String keyId, SecretBytes plaintext,
            Map<String, String> encryptionContext) {
        return kms.get().encrypt(caller, viaService, keyId, plaintext, encryptionContext);
    }

    @Override
    public Decrypted decrypt(Caller caller, String viaService, byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        return kms.get().decrypt(caller, viaService, ciphertextBlob, encryptionContext);
    }

    @Override
    public DataKey generateDataKey(Caller caller, String viaService, String keyId, Map<String, String> encryptionContext) {
        return kms.get().generateDataKey(caller, viaService, keyId, encryptionContext);
    }

    @Override
    public String keyArn(Caller caller, String viaService, String keyId) {
        return kms.get().keyArn(caller, viaService, keyId);
    }
}
