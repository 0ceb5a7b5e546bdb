package dev.bulwark.store.spi;

import dev.bulwark.store.RecordKey;
import java.util.Objects;

/**
 * A record as a backend stores it: bytes only. The backend never interprets the document and
 * never sees a secret in plaintext.
 *
 * @param sealed the sealed secret part, or null when the record has none
 * @param version increases by one on every put, starting at 1
 */
public record BackendRow(RecordKey key, byte[] document, byte[] sealed, long version) {

    public BackendRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(document, "document");
    }
}
