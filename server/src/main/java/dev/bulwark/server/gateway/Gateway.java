package dev.bulwark.server.gateway;

import dev.bulwark.audit.AuditSink;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.auth.Authentication;
import dev.bulwark.auth.Authenticator;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.core.wire.WireHandler;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.core.wire.WireResponse;
import dev.bulwark.protocol.ProtocolAdapter;
import dev.bulwark.protocol.ProtocolAdapters;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request path every API call takes, in AWS's order:
 * <ol>
 *   <li>route: find the service (by {@code X-Amz-Target} prefix, else by the SigV4 credential
 *       scope's service name);</li>
 *   <li>authenticate: verify SigV4 and learn the principal and region;</li>
 *   <li>resolve and read: the protocol adapter names the operation and binds its SDK request;</li>
 *   <li>invoke the service's handler with a {@link Caller}, which authorizes per resource;</li>
 *   <li>write the response or the error in the protocol's shape;</li>
 *   <li>audit: one {@link CallRecord} per call, whatever the outcome.</li>
 * </ol>
 * Nothing here knows a particular service or protocol.
 */
public final class Gateway implements WireHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final ServiceRegistry services;
    private final ServiceRouter router;
    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final AuditSink audit;
    private final Clock clock;

    public Gateway(ServiceRegistry services, Authenticator authenticator, Authorizer authorizer, AuditSink audit,
            Clock clock) {
        this.services = services;
        this.router = new ServiceRouter(services);
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public WireResponse handle(WireRequest request) {
        Instant arrival = clock.instant();
        String requestId = UUID.randomUUID().toString();
        CallOutcome outcome = new CallOutcome();
        ServiceDescriptor service = null;
        try {
            ServiceRegistry.Entry entry = router.route(request);
            service = entry.descriptor();
            outcome.eventSource = service.eventSource();
            ProtocolAdapter protocol = ProtocolAdapters.forProtocol(service.protocol());

            Authentication authentication = authenticator.authenticate(request, service);
            outcome.authentication = authentication;

            Operation<?, ?> operation = protocol.resolve(entry.table(), request);
            outcome.operation = operation;
            var sdkRequest = protocol.readRequest(operation, request);

            Caller caller = new Caller(authentication.principal(), authentication.region(), requestId, arrival,
                    request.remoteAddress(), request.header("User-Agent").orElse(""), request.secure(), authorizer);
            outcome.caller = caller;
            var sdkResponse = operation.invoke(caller, sdkRequest);
            return protocol.writeResponse(service, operation, sdkResponse, requestId);
        } catch (AwsException error) {
            outcome.error = error;
            return writeError(service, error, requestId);
        } catch (RuntimeException unexpected) {
            LOG.error("Request {} failed unexpectedly", requestId, unexpected);
            AwsException error = CommonErrors.internalFailure();
            outcome.error = error;
            return writeError(service, error, requestId);
        } finally {
            audit.record(outcome.toRecord(request, requestId, arrival));
        }
    }

    private WireResponse writeError(ServiceDescriptor service, AwsException error, String requestId) {
        // A request no service claims is answered as the JSON protocols answer it.
        ServiceDescriptor target = service != null ? service : ServiceRouter.UNROUTED;
        return ProtocolAdapters.forProtocol(target.protocol()).writeError(target, error, requestId);
    }

    /** What one call turned out to be, filled in as the call progresses. */
    private static final class CallOutcome {
        String eventSource = "";
        Authentication authentication;
        Operation<?, ?> operation;
        Caller caller;
        AwsException error;

        CallRecord toRecord(WireRequest request, String requestId, Instant arrival) {
            return new CallRecord(
                    UUID.randomUUID().toString(),
                    arrival,
                    requestId,
                    Optional.ofNullable(authentication).map(Authentication::principal),
                    Optional.ofNullable(authentication).map(Authentication::accessKeyId)
                            .or(() -> ServiceRouter.accessKeyIdOf(request)),
                    eventSource,
                    operation == null ? "" : operation.name(),
                    authentication == null ? ServiceRouter.regionOf(request).orElse("") : authentication.region().name(),
                    request.remoteAddress(),
                    request.header("User-Agent").orElse(""),
                    caller == null ? List.of() : caller.resources(),
                    operation != null && operation.readOnly(),
                    Optional.ofNullable(error).map(AwsException::code),
                    Optional.ofNullable(error).map(AwsException::getMessage));
        }
    }
}
