package dev.bulwark.server;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on its first use, once, then shared. The server keeps a service that other
 * services call (KMS, for Parameter Store and Secrets Manager) behind one, so that the gateway and
 * the siblings share one instance and none is built before something needs it.
 */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    Lazy(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(factory.get(), "factory made null");
                    value = made;
                }
            }
        }
        return made;
    }
}
