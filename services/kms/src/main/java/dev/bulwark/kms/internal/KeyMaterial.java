package dev.bulwark.kms.internal;

import dev.bulwark.crypto.SecretBytes;
import java.util.Objects;

/**
 * One material of a key, opened: its document and the secret it holds (AES key bytes, HMAC key
 * bytes or a PKCS #8 private key). Materials are shared between calls through the
 * {@link MaterialCache}: never destroy a material's secret.
 */
public record KeyMaterial(KeyMaterialRecord record, SecretBytes secret) {

    public KeyMaterial {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(secret, "secret");
    }

    public String materialId() {
        return record.materialId();
    }
}
