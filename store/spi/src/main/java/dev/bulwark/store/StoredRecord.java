package dev.bulwark.store;

import dev.bulwark.crypto.SecretBytes;
import java.util.Objects;
import java.util.Optional;

/**
 * A record as services read and write it: a public document (JSON bytes; never secret) and
 * an optional secret part, which the store seals before it reaches the backend.
 *
 * @param version increases by one on every write of the record, starting at 1
 */
public record StoredRecord(RecordKey key, byte[] document, Optional<SecretBytes> secret, long version) {

    public StoredRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(secret, "secret");
    }
}
