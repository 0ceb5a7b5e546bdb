package dev.bulwark.core.service;

import dev.bulwark.core.call.Caller;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One operation of a service: its AWS name, how to build its request (the SDK model's
 * builder, which the protocol binder fills from the wire) and the plain Java handler that
 * answers it. A service lists its operations in one table, in the order of the AWS API
 * reference.
 *
 * @param name            the AWS operation name ({@code Encrypt})
 * @param requestBuilder  makes an empty SDK request builder ({@code EncryptRequest::builder})
 * @param handler         the business logic
 * @param readOnly        whether the call only reads (CloudTrail's {@code readOnly})
 * @param route           for restJson1 services, the HTTP method and URI template; empty otherwise
 */
public record Operation<I extends SdkRequest, O extends SdkResponse>(
        String name,
        Supplier<? extends SdkRequest.Builder> requestBuilder,
        Handler<I, O> handler,
        boolean readOnly,
        Optional<HttpRoute> route) {

    /** Answers one call. Throws {@link dev.bulwark.core.AwsException} for AWS errors. */
    @FunctionalInterface
    public interface Handler<I extends SdkRequest, O extends SdkResponse> {
        O handle(Caller caller, I request);
    }

    /** The HTTP binding of a restJson1 operation, e.g. {@code POST /detector/{detectorId}/filter}. */
    public record HttpRoute(String method, String uriTemplate, int successStatus) {
    }

    public Operation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requestBuilder, "requestBuilder");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(route, "route");
    }

    /** An operation that changes state. */
    public static <I extends SdkRequest, O extends SdkResponse> Operation<I, O> write(
            String name, Supplier<? extends SdkRequest.Builder> requestBuilder, Handler<I, O> handler) {
        return new Operation<>(name, requestBuilder, handler, false, Optional.empty());
    }

    /** An operation that only reads. */
    public static <I extends SdkRequest, O extends SdkResponse> Operation<I, O> read(
            String name, Supplier<? extends SdkRequest.Builder> requestBuilder, Handler<I, O> handler) {
        return new Operation<>(name, requestBuilder, handler, true, Optional.empty());
    }

    public Operation<I, O> withRoute(String method, String uriTemplate, int successStatus) {
        return new Operation<>(name, requestBuilder, handler, readOnly,
                Optional.of(new HttpRoute(method, uriTemplate, successStatus)));
    }

    /** Builds an empty request of this operation's type, for binders to fill. */
    public SdkRequest.Builder newRequestBuilder() {
        return requestBuilder.get();
    }

    @SuppressWarnings("unchecked")
    public O invoke(Caller caller, SdkRequest request) {
        return handler.handle(caller, (I) request);
    }
}
