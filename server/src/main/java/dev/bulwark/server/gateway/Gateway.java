package dev.bulwark.server.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.audit.AuditSink;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.auth.AuthenticatedRequest;
import dev.bulwark.auth.RequestAuthenticator;
import dev.bulwark.auth.SigningRules;
import dev.bulwark.auth.sigv4.CredentialScope;
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
import dev.bulwark.protocol.RequestParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

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
 * A request no service claims is still authenticated first, so an unsigned or badly signed
 * request learns nothing about which services exist.
 */
public final class Gateway implements WireHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final ServiceRouter router;
    private final RequestAuthenticator authenticator;
    private final Authorizer authorizer;
    private final AuditSink audit;
    private final Clock clock;

    public Gateway(ServiceRegistry services, RequestAuthenticator authenticator, Authorizer authorizer,
            AuditSink audit, Clock clock) {
        this.router = new ServiceRouter(services);
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public WireResponse handle(WireRequest request) {
        Call call = new Call(request, clock.instant());
        try {
            return call.answer();
        } finally {
            audit.record(call.toRecord());
        }
    }

    /** One call on its way through the gateway; what it learns is what the audit record says. */
    private final class Call {
        private final WireRequest request;
        private final Instant arrival;
        private final String requestId = UUID.randomUUID().toString();
        private ServiceDescriptor service = ServiceRouter.UNROUTED;
        private AuthenticatedRequest authenticated;
        private Operation<?, ?> operation;
        private Caller caller;
        private SdkRequest sdkRequest;
        private SdkResponse sdkResponse;
        private AwsException error;

        Call(WireRequest request, Instant arrival) {
            this.request = request;
            this.arrival = arrival;
        }

        WireResponse answer() {
            try {
                Optional<ServiceRegistry.Entry> routed = router.route(request);
                if (routed.isEmpty()) {
                    authenticated = authenticator.authenticate(request, SigningRules.ANY_SERVICE);
                    throw CommonErrors.unknownOperation();
                }
                ServiceRegistry.Entry entry = routed.get();
                service = entry.descriptor();
                ProtocolAdapter protocol = ProtocolAdapters.forProtocol(service.protocol());
                authenticated = authenticator.authenticate(request, SigningRules.forService(service.signingName()));

                operation = protocol.resolve(entry.table(), request);
                sdkRequest = protocol.readRequest(operation, request);
                caller = new Caller(authenticated.principal(), authenticated.region(), requestId, arrival,
                        request.remoteAddress(), userAgent(), request.secure(), authorizer);
                sdkResponse = operation.invoke(caller, sdkRequest);
                return protocol.writeResponse(service, operation, sdkResponse, requestId);
            } catch (AwsException e) {
                error = e;
            } catch (RuntimeException unexpected) {
                LOG.error("Request {} ({} {}) failed unexpectedly", requestId, service.signingName(),
                        operation == null ? "-" : operation.name(), unexpected);
                error = CommonErrors.internalFailure();
            }
            return ProtocolAdapters.forProtocol(service.protocol()).writeError(service, error, requestId);
        }

        private String userAgent() {
            return request.header("User-Agent").orElse("");
        }

        /** Generated SDK model classes are all {@link SdkPojo}s; the marker types do not say so. */
        private static ObjectNode render(Object model) {
            return RequestParameters.of((SdkPojo) model);
        }

        CallRecord toRecord() {
            Optional<CredentialScope> claimed = authenticated == null ? CredentialScope.peek(request) : Optional.empty();
            return new CallRecord(
                    UUID.randomUUID().toString(),
                    arrival,
                    requestId,
                    Optional.ofNullable(authenticated).map(AuthenticatedRequest::principal),
                    authenticated != null ? Optional.of(authenticated.accessKeyId()) : claimed.map(CredentialScope::accessKeyId),
                    service.eventSource(),
                    operation == null ? "" : operation.name(),
                    authenticated != null ? authenticated.region().name() : claimed.map(CredentialScope::region).orElse(""),
                    request.remoteAddress(),
                    userAgent(),
                    caller == null ? List.of() : caller.resources(),
                    operation != null && operation.readOnly(),
                    Optional.ofNullable(sdkRequest).map(Call::render),
                    Optional.ofNullable(sdkResponse).map(Call::render),
                    Optional.ofNullable(error).map(e -> e.codeFor(service.protocol())),
                    Optional.ofNullable(error).map(AwsException::getMessage));
        }
    }
}
