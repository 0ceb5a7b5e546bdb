package dev.bulwark.store.seal;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.spi.BackendReader;
import dev.bulwark.store.spi.BackendRow;
import java.util.List;
import java.util.Optional;

/** Reads through the seal: rows come from the backend, secret parts are opened on the way up. */
class SealedReads implements ReadTransaction {
    private final BackendReader reader;
    final Seal seal;

    SealedReads(BackendReader reader, Seal seal) {
        this.reader = reader;
        this.seal = seal;
    }

    @Override
    public Optional<StoredRecord> get(RecordKey key) {
        requireUnreserved(key.namespace());
        return reader.get(key).map(this::open);
    }

    @Override
    public Page list(String namespace, String scope, String idPrefix, String afterId, int limit) {
        requireUnreserved(namespace);
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one record, not " + limit);
        }
        // One row more than asked tells whether another page follows.
        List<BackendRow> rows = reader.list(namespace, scope, idPrefix, afterId, (int) Math.min(limit + 1L, Integer.MAX_VALUE));
        if (rows.size() <= limit) {
            return new Page(rows.stream().map(this::open).toList(), Optional.empty());
        }
        List<StoredRecord> records = rows.subList(0, limit).stream().map(this::open).toList();
        return new Page(records, Optional.of(records.getLast().key().id()));
    }

    @Override
    public long count(String namespace, String scope, String idPrefix) {
        requireUnreserved(namespace);
        return reader.count(namespace, scope, idPrefix);
    }

    private StoredRecord open(BackendRow row) {
        Optional<SecretBytes> secret = row.sealed() == null
                ? Optional.empty()
                : Optional.of(seal.open(row.key(), row.sealed(), reader));
        return new StoredRecord(row.key(), row.document(), secret, row.version());
    }

    static void requireUnreserved(String namespace) {
        if (namespace.startsWith(Seal.RESERVED_NAMESPACE_PREFIX)) {
            throw new IllegalArgumentException("Namespace " + namespace + " is reserved for the store's seal");
        }
    }
}
