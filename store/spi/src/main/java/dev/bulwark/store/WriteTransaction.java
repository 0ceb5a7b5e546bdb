package dev.bulwark.store;

import dev.bulwark.crypto.SecretBytes;

/**
 * Reads and writes that commit together, durably, or not at all. Write transactions are
 * serializable: two never interleave.
 */
public interface WriteTransaction extends ReadTransaction {

    /**
     * Creates or replaces a record. {@code secret} may be null; when given it is sealed under
     * the store's data key with the record key as additional authenticated data.
     *
     * @return the record's new version
     */
    long put(RecordKey key, byte[] document, SecretBytes secret);

    /** Deletes a record; returns whether it existed. */
    boolean delete(RecordKey key);
}
