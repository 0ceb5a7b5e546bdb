package dev.bulwark.jobs;

import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import java.util.Set;
import java.util.function.Function;

/**
 * A store that lets a test act at the moments between transactions, to set up interleavings
 * that would otherwise depend on timing.
 */
final class ObservedStore implements Store {
    private final Store delegate;
    volatile Runnable afterRead = () -> { };
    volatile Runnable beforeWrite = () -> { };

    ObservedStore(Store delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T read(Function<ReadTransaction, T> work) {
        T result = delegate.read(work);
        afterRead.run();
        return result;
    }

    @Override
    public <T> T write(Function<WriteTransaction, T> work) {
        beforeWrite.run();
        return delegate.write(work);
    }

    @Override
    public void wipeExcept(Set<String> keptNamespaces) {
        delegate.wipeExcept(keptNamespaces);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
