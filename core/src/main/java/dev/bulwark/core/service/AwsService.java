package dev.bulwark.core.service;

import java.util.List;

/**
 * A service Bulwark serves. Its {@link #operations()} is the service's table of contents;
 * everything else of the service stays in its own {@code .internal} package.
 */
public interface AwsService {
    ServiceDescriptor descriptor();

    List<Operation<?, ?>> operations();
}
