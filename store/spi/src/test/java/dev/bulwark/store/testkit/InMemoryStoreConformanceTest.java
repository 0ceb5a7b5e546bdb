package dev.bulwark.store.testkit;

import dev.bulwark.store.spi.Backend;
import java.nio.file.Path;

/** Runs the kit against the in-memory backend, which checks the kit and the seal without a database. */
class InMemoryStoreConformanceTest extends StoreConformanceTest {
    private final InMemoryBackend backend = new InMemoryBackend();

    @Override
    protected Backend openBackend(Path dataFolder) {
        return backend;
    }
}
