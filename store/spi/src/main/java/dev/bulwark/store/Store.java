package dev.bulwark.store;

import java.util.Set;
import java.util.function.Function;

/**
 * The one storage barrier every module writes through. Secret parts of records are sealed
 * (AES-256-GCM under data keys wrapped by the root key) before they reach a backend, and
 * opened only when read back, so no backend ever holds a secret in plaintext.
 *
 * <p>Work passed to {@link #read} and {@link #write} may run more than once if the backend
 * must retry (a serialization conflict), so it must not have side effects outside the store.
 */
public interface Store extends AutoCloseable {

    <T> T read(Function<ReadTransaction, T> work);

    /** Runs the work in a serializable transaction and commits it durably before returning. */
    <T> T write(Function<WriteTransaction, T> work);

    /** Deletes every record except those of the given namespaces (for test isolation). */
    void wipeExcept(Set<String> keptNamespaces);

    /** Finishes pending writes and releases the backend. */
    @Override
    void close();
}
