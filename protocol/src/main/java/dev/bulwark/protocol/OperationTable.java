package dev.bulwark.protocol;

import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A service's operations indexed by their AWS names, built once at start-up. */
public final class OperationTable {
    private final ServiceDescriptor descriptor;
    private final Map<String, Operation<?, ?>> byName;

    private OperationTable(ServiceDescriptor descriptor, Map<String, Operation<?, ?>> byName) {
        this.descriptor = descriptor;
        this.byName = byName;
    }

    /** Indexes a service's operations; two operations with the same name are a wiring error. */
    public static OperationTable of(AwsService service) {
        Map<String, Operation<?, ?>> byName = new LinkedHashMap<>();
        for (Operation<?, ?> operation : service.operations()) {
            if (byName.putIfAbsent(operation.name(), operation) != null) {
                throw new IllegalArgumentException(service.descriptor().signingName()
                        + " lists operation " + operation.name() + " twice");
            }
        }
        return new OperationTable(service.descriptor(), Map.copyOf(byName));
    }

    /** The operation with this exact (case-sensitive) AWS name. */
    public Optional<Operation<?, ?>> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    /** Every operation, in no particular order. */
    public List<Operation<?, ?>> operations() {
        return List.copyOf(byName.values());
    }
}
