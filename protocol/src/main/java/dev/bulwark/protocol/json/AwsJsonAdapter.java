package dev.bulwark.protocol.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.core.service.WireProtocol;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.core.wire.WireResponse;
import dev.bulwark.protocol.OperationTable;
import dev.bulwark.protocol.ProtocolAdapter;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * awsJson1.0 and awsJson1.1: every call is a {@code POST /} whose
 * {@code X-Amz-Target: <targetPrefix>.<Operation>} header names the operation, with the
 * input as a JSON object and the output likewise. The two versions differ only in the
 * content type. Errors are {@code {"__type":"<Code>","message":"<text>"}} with the code
 * repeated in the {@code x-amzn-ErrorType} header, which is where the SDKs look first.
 */
public final class AwsJsonAdapter implements ProtocolAdapter {
    public static final String TARGET_HEADER = "X-Amz-Target";
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private final WireProtocol protocol;
    private final String contentType;

    public AwsJsonAdapter(WireProtocol protocol) {
        this.contentType = switch (protocol) {
            case AWS_JSON_1_0 -> "application/x-amz-json-1.0";
            case AWS_JSON_1_1 -> "application/x-amz-json-1.1";
            default -> throw new IllegalArgumentException(protocol + " is not an awsJson protocol");
        };
        this.protocol = protocol;
    }

    /** The prefix of the request's {@code X-Amz-Target} ({@code TrentService}), which names the service. */
    public static Optional<String> targetPrefix(WireRequest request) {
        return request.header(TARGET_HEADER)
                .filter(target -> target.lastIndexOf('.') > 0)
                .map(target -> target.substring(0, target.lastIndexOf('.')));
    }

    @Override
    public Operation<?, ?> resolve(OperationTable table, WireRequest request) {
        String target = request.header(TARGET_HEADER).orElseThrow(CommonErrors::unknownOperation);
        int dot = target.lastIndexOf('.');
        if (dot < 0 || !target.substring(0, dot).equals(table.descriptor().targetPrefix())) {
            throw CommonErrors.unknownOperation();
        }
        return table.byName(target.substring(dot + 1)).orElseThrow(CommonErrors::unknownOperation);
    }

    @Override
    public SdkRequest readRequest(Operation<?, ?> operation, WireRequest request) {
        SdkRequest.Builder builder = operation.newRequestBuilder();
        JsonShapeReader.readBody(request.body(), (SdkPojo) builder);
        return builder.build();
    }

    @Override
    public WireResponse writeResponse(ServiceDescriptor service, Operation<?, ?> operation, SdkResponse response,
            String requestId) {
        return new WireResponse(200, headers(requestId), JsonShapeWriter.WIRE.toBytes(response));
    }

    @Override
    public WireResponse writeError(ServiceDescriptor service, AwsException error, String requestId) {
        String code = error.codeFor(protocol);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("__type", code);
        if (error.getMessage() != null) {
            body.put("message", error.getMessage());
        }
        return new WireResponse(error.httpStatusFor(protocol), headers(requestId), JsonShapeWriter.serialize(body))
                .withHeader(ERROR_TYPE_HEADER, code);
    }

    private Map<String, String> headers(String requestId) {
        return Map.of("Content-Type", contentType, REQUEST_ID_HEADER, requestId);
    }
}
