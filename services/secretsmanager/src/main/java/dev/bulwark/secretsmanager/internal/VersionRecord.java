package dev.bulwark.secretsmanager.internal;

import java.time.Instant;

/**
 * One version of a secret as stored (namespace {@value SecretsSchema#VERSIONS}). Its value is
 * envelope-encrypted ({@link SecretCipher}): the record's document holds the KMS-encrypted data
 * key, its sealed secret part the value encrypted under that data key. A version that rotation
 * has opened but whose value is not written yet has no type, key or data key.
 *
 * @param type              how the value was given: {@code STRING} (SecretString) or {@code BINARY}; null while empty
 * @param kmsKeyArn         the KMS key that encrypted the data key
 * @param encryptedDataKey  the data key as KMS encrypted it (a KMS ciphertext blob; not secret)
 * @param lastAccessedDate  the day (UTC midnight) the version was last read; AWS keeps only the date
 */
public record VersionRecord(
        String versionId,
        Instant createdDate,
        Instant lastAccessedDate,
        ValueType type,
        String kmsKeyArn,
        byte[] encryptedDataKey) {

    public enum ValueType { STRING, BINARY }

    public boolean hasValue() {
        return type != null;
    }

    public VersionRecord withValue(ValueType valueType, String keyArn, byte[] dataKey) {
        return new VersionRecord(versionId, createdDate, lastAccessedDate, valueType, keyArn, dataKey);
    }

    public VersionRecord withLastAccessed(Instant day) {
        return new VersionRecord(versionId, createdDate, day, type, kmsKeyArn, encryptedDataKey);
    }
}
