package dev.bulwark.kms.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored document of one key material ({@link KmsSchema#KEY_MATERIALS}); the material itself
 * is the record's sealed secret part. A key keeps every material it ever had until the key is
 * deleted, so ciphertexts made under an earlier material keep decrypting after rotation.
 *
 * @param materialId 64 hex digits, as AWS's key material ids
 * @param origin     AWS_KMS for generated material, EXTERNAL for imported material
 * @param publicKey  X.509 SubjectPublicKeyInfo DER of an asymmetric key (null for symmetric and
 *                   HMAC keys); public, so it lives in the document
 * @param validTo    when imported material expires; null when it does not
 */
public record KeyMaterialRecord(
        String keyId,
        String materialId,
        Instant creationDate,
        KeyOrigin origin,
        byte[] publicKey,
        Instant validTo) {

    public KeyMaterialRecord {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(materialId, "materialId");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(origin, "origin");
        publicKey = publicKey == null ? null : publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }
}
