package dev.bulwark.store.spi;

import dev.bulwark.store.RecordKey;
import java.util.List;
import java.util.Optional;

/** Reads inside one backend transaction; they see one consistent snapshot. */
public interface BackendReader {

    Optional<BackendRow> get(RecordKey key);

    /**
     * At most {@code limit} rows of a namespace and scope whose id starts with
     * {@code idPrefix} and comes after {@code afterId} (empty: from the start), in binary
     * order of the ids' UTF-8 bytes. {@link IdRange} turns these arguments into byte bounds.
     */
    List<BackendRow> list(String namespace, String scope, String idPrefix, String afterId, int limit);

    long count(String namespace, String scope, String idPrefix);
}
