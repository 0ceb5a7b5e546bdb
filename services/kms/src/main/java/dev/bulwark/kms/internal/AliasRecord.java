package dev.bulwark.kms.internal;

import java.time.Instant;
import java.util.Objects;

/** The stored document of an alias ({@link KmsSchema#ALIASES}). */
public record AliasRecord(String aliasName, String targetKeyId, Instant creationDate, Instant lastUpdatedDate) {

    public AliasRecord {
        Objects.requireNonNull(aliasName, "aliasName");
        Objects.requireNonNull(targetKeyId, "targetKeyId");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(lastUpdatedDate, "lastUpdatedDate");
    }

    public AliasRecord retarget(String keyId, Instant now) {
        return new AliasRecord(aliasName, keyId, creationDate, now);
    }
}
