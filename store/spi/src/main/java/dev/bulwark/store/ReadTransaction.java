package dev.bulwark.store;

import java.util.Optional;

/** Reads that see one consistent snapshot of the store. */
public interface ReadTransaction {

    Optional<StoredRecord> get(RecordKey key);

    /**
     * Records of a namespace and scope whose id starts with {@code idPrefix}, in id order
     * (binary order of UTF-8), starting after {@code afterId} (empty: from the start).
     */
    Page list(String namespace, String scope, String idPrefix, String afterId, int limit);

    /** How many records of a namespace and scope have an id starting with {@code idPrefix}. */
    long count(String namespace, String scope, String idPrefix);
}
