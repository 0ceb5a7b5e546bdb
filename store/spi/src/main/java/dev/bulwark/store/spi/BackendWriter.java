package dev.bulwark.store.spi;

import dev.bulwark.store.RecordKey;
import java.util.Set;

/** Reads and writes inside one serializable backend transaction. */
public interface BackendWriter extends BackendReader {

    /**
     * Creates or replaces a row.
     *
     * @param sealed the sealed secret part, or null
     * @return the row's new version: 1 for a new row, the previous version plus one otherwise
     */
    long put(RecordKey key, byte[] document, byte[] sealed);

    /** Deletes a row; returns whether it existed. */
    boolean delete(RecordKey key);

    /** Deletes every row whose namespace is not one of {@code keptNamespaces}. */
    void deleteAllExcept(Set<String> keptNamespaces);
}
