package dev.bulwark.server.gateway;

import dev.bulwark.auth.sigv4.CredentialScope;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.core.service.WireProtocol;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.protocol.ProtocolAdapters;
import java.util.Optional;

/**
 * Finds the service a request is for. On one endpoint that serves every service, AWS clients
 * say which service they mean in two ways: JSON protocols name {@code Prefix.Operation} in
 * {@code X-Amz-Target}; every signed request names the service in its SigV4 credential scope
 * ({@code AKID/20240101/us-east-1/iam/aws4_request}). The target wins when both are present.
 */
final class ServiceRouter {
    /** Stands for "no service": errors for unroutable requests are written as the JSON protocols write them. */
    static final ServiceDescriptor UNROUTED =
            new ServiceDescriptor("unknown", WireProtocol.AWS_JSON_1_1, "", "unknown", "", "");

    private final ServiceRegistry services;

    ServiceRouter(ServiceRegistry services) {
        this.services = services;
    }

    Optional<ServiceRegistry.Entry> route(WireRequest request) {
        return ProtocolAdapters.targetPrefix(request)
                .flatMap(services::byTargetPrefix)
                .or(() -> CredentialScope.peek(request).flatMap(scope -> services.bySigningName(scope.service())));
    }
}
