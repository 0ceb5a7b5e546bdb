package dev.bulwark.store.testkit;

import dev.bulwark.store.RecordKey;
import dev.bulwark.store.spi.Backend;
import dev.bulwark.store.spi.BackendReader;
import dev.bulwark.store.spi.BackendRow;
import dev.bulwark.store.spi.BackendWriter;
import dev.bulwark.store.spi.IdRange;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A backend in a sorted map, for tests that need a store without files. A write works on a
 * copy of the map that replaces it on success, which gives rollback for free; one lock
 * serialises writers and keeps readers out while a copy is swapped in. Closing it keeps its
 * rows, so "reopening" is handing out the same instance again.
 */
public final class InMemoryBackend implements Backend {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private TreeMap<RowKey, BackendRow> rows = new TreeMap<>();

    @Override
    public <T> T read(Function<BackendReader, T> work) {
        lock.readLock().lock();
        try {
            return work.apply(new Rows(rows));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public <T> T write(Function<BackendWriter, T> work) {
        lock.writeLock().lock();
        try {
            TreeMap<RowKey, BackendRow> copy = new TreeMap<>(rows);
            T result = work.apply(new Rows(copy));
            rows = copy;
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
    }

    /** Orders rows as every backend must: namespace, scope, then the id's UTF-8 bytes unsigned. */
    private record RowKey(String namespace, String scope, byte[] id) implements Comparable<RowKey> {
        static RowKey of(RecordKey key) {
            return new RowKey(key.namespace(), key.scope(), IdRange.utf8(key.id()));
        }

        @Override
        public int compareTo(RowKey other) {
            int byNamespace = namespace.compareTo(other.namespace);
            if (byNamespace != 0) {
                return byNamespace;
            }
            int byScope = scope.compareTo(other.scope);
            return byScope != 0 ? byScope : Arrays.compareUnsigned(id, other.id);
        }
    }

    private record Rows(TreeMap<RowKey, BackendRow> map) implements BackendWriter {

        @Override
        public Optional<BackendRow> get(RecordKey key) {
            return Optional.ofNullable(map.get(RowKey.of(key)));
        }

        @Override
        public List<BackendRow> list(String namespace, String scope, String idPrefix, String afterId, int limit) {
            return range(namespace, scope, IdRange.of(idPrefix, afterId)).values().stream().limit(limit).toList();
        }

        @Override
        public long count(String namespace, String scope, String idPrefix) {
            return range(namespace, scope, IdRange.of(idPrefix, "")).size();
        }

        @Override
        public long put(RecordKey key, byte[] document, byte[] sealed) {
            BackendRow previous = map.get(RowKey.of(key));
            long version = previous == null ? 1 : previous.version() + 1;
            map.put(RowKey.of(key), new BackendRow(key, document.clone(), sealed == null ? null : sealed.clone(), version));
            return version;
        }

        @Override
        public boolean delete(RecordKey key) {
            return map.remove(RowKey.of(key)) != null;
        }

        @Override
        public void deleteAllExcept(Set<String> keptNamespaces) {
            map.keySet().removeIf(key -> !keptNamespaces.contains(key.namespace()));
        }

        private NavigableMap<RowKey, BackendRow> range(String namespace, String scope, IdRange range) {
            return map.subMap(new RowKey(namespace, scope, range.from()), true, new RowKey(namespace, scope, range.to()), false);
        }
    }
}
