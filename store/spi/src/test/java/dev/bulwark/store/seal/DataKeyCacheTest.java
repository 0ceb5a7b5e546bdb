package dev.bulwark.store.seal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.spi.Backend;
import dev.bulwark.store.spi.BackendReader;
import dev.bulwark.store.spi.BackendRow;
import dev.bulwark.store.spi.BackendWriter;
import dev.bulwark.store.testkit.InMemoryBackend;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store sits under KMS's hot path: reading a record must not fetch and unwrap its data key every time. */
class DataKeyCacheTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RecordKey RECORD = new RecordKey("kms.key", "111122223333/us-east-1", "k1");

    @TempDir
    Path dataFolder;

    private final InMemoryBackend rows = new InMemoryBackend();
    private final AtomicInteger dataKeyReads = new AtomicInteger();

    @Test
    void readsOfSealedRecordsFetchEachDataKeyOnlyOnce() {
        try (SealedStore store = open()) {
            store.write(tx -> tx.put(RECORD, new byte[0], SecretBytes.random(32, RANDOM)));
            store.rotateDataKey();
        }
        dataKeyReads.set(0);

        try (SealedStore store = open()) {
            for (int i = 0; i < 100; i++) {
                assertThat(store.read(tx -> tx.get(RECORD)).orElseThrow().secret()).isPresent();
            }
        }

        // The active key (2) when opening, the key that sealed the record (1) on first read.
        assertThat(dataKeyReads).hasValue(2);
    }

    private SealedStore open() {
        return SealedStore.open(new CountingBackend(), new KeyFileRootKeyProvider(dataFolder, RANDOM), RANDOM, Clock.systemUTC());
    }

    /** The in-memory backend, counting reads of data key rows. */
    private final class CountingBackend implements Backend {

        @Override
        public <T> T read(Function<BackendReader, T> work) {
            return rows.read(reader -> work.apply(new CountingReader(reader)));
        }

        @Override
        public <T> T write(Function<BackendWriter, T> work) {
            return rows.write(work);
        }

        @Override
        public void close() {
        }
    }

    private final class CountingReader implements BackendReader {
        private final BackendReader reader;

        CountingReader(BackendReader reader) {
            this.reader = reader;
        }

        @Override
        public Optional<BackendRow> get(RecordKey key) {
            if (key.namespace().equals(Seal.DATA_KEY_NAMESPACE)) {
                dataKeyReads.incrementAndGet();
            }
            return reader.get(key);
        }

        @Override
        public List<BackendRow> list(String namespace, String scope, String idPrefix, String afterId, int limit) {
            return reader.list(namespace, scope, idPrefix, afterId, limit);
        }

        @Override
        public long count(String namespace, String scope, String idPrefix) {
            return reader.count(namespace, scope, idPrefix);
        }
    }
}
