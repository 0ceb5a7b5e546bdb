package dev.bulwark.kms.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored document of one key material ({@link KmsSchema#KEY_MATERIALS}); the material itself
 * is the record's sealed secret part. A key keeps every material it ever had until the key is
 * deleted, so ciphertexts made under an earlier material keep decrypting after rotation.
 *
 * <p>Imported material can be absent while its document stays: deleted or expired material of an
 * EXTERNAL key (ImportState PENDING_IMPORT) keeps its id, so that re-importing the same material
 * is recognised and ciphertexts made under it decrypt again. Such a record has no secret part.
 *
 * @param materialId      64 hex digits, as AWS's key material ids
 * @param origin          AWS_KMS for generated material, EXTERNAL for imported material
 * @param publicKey       X.509 SubjectPublicKeyInfo DER of an asymmetric key (null for symmetric and
 *                        HMAC keys); public, so it lives in the document
 * @param validTo         when imported material expires; null when it does not
 * @param description     the KeyMaterialDescription given at import (symmetric imported material only)
 * @param pendingRotation imported with ImportType NEW_KEY_MATERIAL and waiting for RotateKeyOnDemand
 *                        to make it current; not yet part of the key (state PENDING_ROTATION)
 * @param rotationDate    when a rotation made this material current; null for the first material and
 *                        for material still pending rotation
 * @param rotationType    how that rotation happened; null when {@code rotationDate} is
 */
public record KeyMaterialRecord(
        String keyId,
        String materialId,
        Instant creationDate,
        KeyOrigin origin,
        byte[] publicKey,
        Instant validTo,
        String description,
        boolean pendingRotation,
        Instant rotationDate,
        RotationType rotationType) {

    /** KMS {@code RotationType}; the constant names are the wire names. */
    public enum RotationType {
        AUTOMATIC,
        ON_DEMAND
    }

    public KeyMaterialRecord {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(materialId, "materialId");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(origin, "origin");
        publicKey = publicKey == null ? null : publicKey.clone();
        if ((rotationDate == null) != (rotationType == null)) {
            throw new IllegalArgumentException("A rotation has both a date and a type");
        }
    }

    /** A material that is the key's first (or only) one: not made current by a rotation. */
    public KeyMaterialRecord(String keyId, String materialId, Instant creationDate, KeyOrigin origin, byte[] publicKey,
            Instant validTo) {
        this(keyId, materialId, creationDate, origin, publicKey, validTo, null, false, null, null);
    }

    @Override
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    /** This material made current by a rotation at {@code date}. */
    public KeyMaterialRecord rotatedIn(Instant date, RotationType type) {
        return new KeyMaterialRecord(keyId, materialId, creationDate, origin, publicKey, validTo, description, false, date, type);
    }

    /** The same material imported again, with the expiry and description of that import. */
    public KeyMaterialRecord reimported(Instant newValidTo, String newDescription) {
        return new KeyMaterialRecord(keyId, materialId, creationDate, origin, publicKey, newValidTo, newDescription,
                pendingRotation, rotationDate, rotationType);
    }
}
