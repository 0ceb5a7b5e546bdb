package dev.bulwark.store.spi;

import java.util.function.Function;

/**
 * What a storage backend implements: rows of bytes, ordered listing and transactions. It
 * knows nothing of sealing; {@link dev.bulwark.store.seal.SealedStore} turns a backend into a
 * {@link dev.bulwark.store.Store}. Every backend runs the conformance kit
 * ({@code StoreConformanceTest} in this module's test-jar).
 *
 * <p>An exception thrown by the work rolls the transaction back and reaches the caller
 * unchanged. Backend failures are thrown as {@link dev.bulwark.store.StoreException}.
 */
public interface Backend extends AutoCloseable {

    /** Runs the work in a read transaction that sees one consistent snapshot. */
    <T> T read(Function<BackendReader, T> work);

    /**
     * Runs the work in a serializable write transaction and commits it durably (the commit
     * survives a crash of the process or the machine once this method returns).
     */
    <T> T write(Function<BackendWriter, T> work);

    @Override
    void close();
}
