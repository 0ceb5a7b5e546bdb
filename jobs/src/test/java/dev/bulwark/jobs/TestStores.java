package dev.bulwark.jobs;

import dev.bulwark.store.Documents;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.sqlite.SqliteBackend;
import dev.bulwark.store.testkit.InMemoryBackend;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/** Stores for job tests, and the records a test handler writes as its visible effect. */
final class TestStores {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String EFFECT_NAMESPACE = "test.effect";

    private TestStores() {
    }

    static SealedStore inMemory(Path keyFolder, Clock clock) {
        return SealedStore.open(new InMemoryBackend(), new KeyFileRootKeyProvider(keyFolder, RANDOM), RANDOM, clock);
    }

    /** The embedded default store on a data folder; opening the same folder again finds the same records. */
    static SealedStore sqlite(Path dataFolder, Clock clock) {
        return SealedStore.open(SqliteBackend.open(dataFolder), new KeyFileRootKeyProvider(dataFolder, RANDOM), RANDOM, clock);
    }

    /** A handler's effect: one record named after the job. */
    static void writeEffect(WriteTransaction tx, Job job) {
        tx.put(new RecordKey(EFFECT_NAMESPACE, "", job.key().id()), Documents.write(Map.of("attempt", job.attempt())), null);
    }

    static long effects(Store store) {
        return store.read(tx -> tx.count(EFFECT_NAMESPACE, "", ""));
    }
}
