package dev.bulwark.protocol;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.core.wire.WireResponse;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Binds one AWS wire protocol to the SDK model classes. The gateway calls the four steps in
 * order for every request, after it has chosen the service; everything protocol-specific
 * (where the operation name is, how bodies and errors look) stays behind this interface, so
 * a new protocol is a new implementation and no change to the gateway.
 *
 * <p>Implementations are stateless and thread-safe. Every method that reads the client's
 * input reports bad input as an {@link AwsException} in the protocol's own words, which the
 * gateway hands back to {@link #writeError}.
 */
public interface ProtocolAdapter {
    /** The header that carries the request id in the JSON and query protocols. */
    String REQUEST_ID_HEADER = "x-amzn-RequestId";

    /**
     * The operation the request names.
     *
     * @throws AwsException when the request names no operation of this service
     *         ({@code UnknownOperationException}, {@code MissingAction}, {@code InvalidAction})
     */
    Operation<?, ?> resolve(OperationTable table, WireRequest request);

    /**
     * Reads the request's parameters into the operation's SDK request type.
     *
     * @throws AwsException when the input does not fit the request's shape ({@code SerializationException})
     */
    SdkRequest readRequest(Operation<?, ?> operation, WireRequest request);

    /** The successful answer to an operation. */
    WireResponse writeResponse(ServiceDescriptor service, Operation<?, ?> operation, SdkResponse response,
            String requestId);

    /** An error, in the shape the protocol's clients parse. */
    WireResponse writeError(ServiceDescriptor service, AwsException error, String requestId);
}
