package dev.bulwark.store.seal;

import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import dev.bulwark.store.spi.Backend;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link Store} services use: a backend with the {@link Seal} in front of it. Every secret
 * part is sealed on its way down and opened on its way up, so the backend, its files, its
 * backups and its replication stream hold no secret in plaintext. The seal's own rows live in
 * reserved namespaces that services cannot touch and that {@link #wipeExcept} keeps.
 */
public final class SealedStore implements Store {
    private final Backend backend;
    private final Seal seal;

    private SealedStore(Backend backend, Seal seal) {
        this.backend = backend;
        this.seal = seal;
    }

    /**
     * Opens the seal over a backend, creating the first data key of a new store.
     *
     * @throws SealException if the root key does not open the store's data keys
     */
    public static SealedStore open(Backend backend, RootKeyProvider rootKeys, SecureRandom random, Clock clock) {
        Objects.requireNonNull(backend, "backend");
        try {
            return new SealedStore(backend, Seal.open(backend, rootKeys, random, clock));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    @Override
    public <T> T read(Function<ReadTransaction, T> work) {
        return backend.read(reader -> work.apply(new SealedReads(reader, seal)));
    }

    @Override
    public <T> T write(Function<WriteTransaction, T> work) {
        return backend.write(writer -> work.apply(new SealedWrites(writer, seal)));
    }

    @Override
    public void wipeExcept(Set<String> keptNamespaces) {
        Set<String> kept = new HashSet<>(keptNamespaces);
        kept.add(Seal.DATA_KEY_NAMESPACE);
        backend.write(writer -> {
            writer.deleteAllExcept(kept);
            return null;
        });
    }

    /**
     * Generates a new data key that seals every value written from now on; values sealed
     * under older keys keep opening. Returns the new key's number.
     */
    public int rotateDataKey() {
        return seal.rotate(backend);
    }

    /** The number of the data key that seals new values. */
    public int activeDataKey() {
        return seal.activeDataKey();
    }

    @Override
    public void close() {
        backend.close();
    }
}
