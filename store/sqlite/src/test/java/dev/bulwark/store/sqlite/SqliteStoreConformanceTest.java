package dev.bulwark.store.sqlite;

import dev.bulwark.store.spi.Backend;
import dev.bulwark.store.testkit.StoreConformanceTest;
import java.nio.file.Path;

class SqliteStoreConformanceTest extends StoreConformanceTest {

    @Override
    protected Backend openBackend(Path dataFolder) {
        return SqliteBackend.open(dataFolder);
    }
}
