package dev.bulwark.auth.identity;

import dev.bulwark.store.Store;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.testkit.InMemoryBackend;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** Sealed stores over memory, for the identity tests. */
final class TestStores {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestStores() {
    }

    static Store open(Path rootKeyFolder) {
        return SealedStore.open(new InMemoryBackend(), new KeyFileRootKeyProvider(rootKeyFolder, RANDOM), RANDOM,
                Clock.systemUTC());
    }
}
