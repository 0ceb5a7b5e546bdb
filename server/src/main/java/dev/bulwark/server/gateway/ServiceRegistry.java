package dev.bulwark.server.gateway;

import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.protocol.OperationTable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The services this server answers for, found by {@code X-Amz-Target} prefix or by SigV4
 * signing name. A service is registered with its descriptor and a factory; the factory runs
 * on the first call to that service, so start-up does not pay for services nobody uses.
 */
public final class ServiceRegistry {

    /** A registered service; its operation table is built on first use. */
    public static final class Entry {
        private final ServiceDescriptor descriptor;
        private final Supplier<AwsService> factory;
        private volatile OperationTable table;

        private Entry(ServiceDescriptor descriptor, Supplier<AwsService> factory) {
            this.descriptor = descriptor;
            this.factory = factory;
        }

        public ServiceDescriptor descriptor() {
            return descriptor;
        }

        public OperationTable table() {
            OperationTable loaded = table;
            if (loaded == null) {
                synchronized (this) {
                    loaded = table;
                    if (loaded == null) {
                        AwsService service = factory.get();
                        if (!service.descriptor().equals(descriptor)) {
                            throw new IllegalStateException("Service " + descriptor.signingName()
                                    + " registered with a descriptor it does not declare");
                        }
                        loaded = OperationTable.of(service);
                        table = loaded;
                    }
                }
            }
            return loaded;
        }
    }

    private final Map<String, Entry> byTargetPrefix = new LinkedHashMap<>();
    private final Map<String, Entry> bySigningName = new LinkedHashMap<>();

    /** Registers a service; its factory runs on the first call. */
    public ServiceRegistry register(ServiceDescriptor descriptor, Supplier<AwsService> factory) {
        Entry entry = new Entry(descriptor, factory);
        if (bySigningName.putIfAbsent(descriptor.signingName(), entry) != null) {
            throw new IllegalArgumentException("Two services sign as " + descriptor.signingName());
        }
        if (!descriptor.targetPrefix().isEmpty()) {
            byTargetPrefix.put(descriptor.targetPrefix(), entry);
        }
        return this;
    }

    public Optional<Entry> byTargetPrefix(String prefix) {
        return Optional.ofNullable(byTargetPrefix.get(prefix));
    }

    public Optional<Entry> bySigningName(String signingName) {
        return Optional.ofNullable(bySigningName.get(signingName));
    }

    public Collection<Entry> all() {
        return bySigningName.values();
    }
}
