package dev.bulwark.protocol.query;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.core.service.WireProtocol;
import dev.bulwark.core.wire.FormEncoding;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.core.wire.WireResponse;
import dev.bulwark.protocol.OperationTable;
import dev.bulwark.protocol.ProtocolAdapter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * awsQuery (IAM, STS): the input is a flat list of form parameters, sent as an
 * {@code application/x-www-form-urlencoded} POST body or as the query string of a GET,
 * with {@code Action} naming the operation and {@code Version} the API version. The output
 * is XML in the service's namespace:
 *
 * <pre>{@code
 * <GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
 *   <GetUserResult>...members...</GetUserResult>
 *   <ResponseMetadata><RequestId>...</RequestId></ResponseMetadata>
 * </GetUserResponse>
 * }</pre>
 *
 * An operation without output members (DeleteUser) has no Result element. Errors are an
 * {@code ErrorResponse} whose {@code Type} is {@code Sender} for client faults and
 * {@code Receiver} for server faults.
 */
public final class AwsQueryAdapter implements ProtocolAdapter {
    private static final String CONTENT_TYPE = "text/xml";
    private static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

    @Override
    public Operation<?, ?> resolve(OperationTable table, WireRequest request) {
        Map<String, String> params = parameters(request);
        String action = params.get("Action");
        if (action == null || action.isEmpty()) {
            throw AwsException.badRequest("MissingAction", "The request is missing an action or a required parameter.");
        }
        String version = params.getOrDefault("Version", "");
        return table.byName(action)
                .filter(operation -> version.equals(table.descriptor().apiVersion()))
                .orElseThrow(() -> AwsException.badRequest("InvalidAction",
                        "Could not find operation " + action + " for version " + version));
    }

    @Override
    public SdkRequest readRequest(Operation<?, ?> operation, WireRequest request) {
        SdkRequest.Builder builder = operation.newRequestBuilder();
        new QueryFormReader(parameters(request)).read((SdkPojo) builder);
        return builder.build();
    }

    @Override
    public WireResponse writeResponse(ServiceDescriptor service, Operation<?, ?> operation, SdkResponse response,
            String requestId) {
        XmlBuilder xml = new XmlBuilder().openWithNamespace(operation.name() + "Response", service.xmlNamespace());
        if (!response.sdkFields().isEmpty()) {
            String result = operation.name() + "Result";
            xml.open(result);
            new QueryXmlWriter(xml).writeMembers(response);
            xml.close(result);
        }
        xml.open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata")
                .close(operation.name() + "Response");
        return xmlResponse(200, xml, requestId);
    }

    @Override
    public WireResponse writeError(ServiceDescriptor service, AwsException error, String requestId) {
        XmlBuilder xml = new XmlBuilder().openWithNamespace("ErrorResponse", service.xmlNamespace())
                .open("Error")
                .element("Type", error.isServerFault() ? "Receiver" : "Sender")
                .element("Code", error.codeFor(WireProtocol.AWS_QUERY));
        if (error.getMessage() != null) {
            xml.element("Message", error.getMessage());
        }
        xml.close("Error").element("RequestId", requestId).close("ErrorResponse");
        return xmlResponse(error.httpStatusFor(WireProtocol.AWS_QUERY), xml, requestId);
    }

    /**
     * The query string's parameters overlaid with the form body's, first value of each name.
     * AWS reads both, so a signed GET and a POST with {@code Action} in the URL both work.
     */
    private static Map<String, String> parameters(WireRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            request.queryParameters().forEach((name, values) -> params.put(name, values.get(0)));
            if (request.body().length > 0 && isFormOrUntyped(request)) {
                FormEncoding.decode(request.bodyAsString()).forEach((name, values) -> params.put(name, values.get(0)));
            }
        } catch (IllegalArgumentException e) {
            throw AwsException.badRequest("MalformedQueryString", "The query string contains a syntax error.");
        }
        return params;
    }

    private static boolean isFormOrUntyped(WireRequest request) {
        return List.of(FORM_MEDIA_TYPE, "").contains(request.mediaType());
    }

    private static WireResponse xmlResponse(int status, XmlBuilder xml, String requestId) {
        return new WireResponse(status, Map.of("Content-Type", CONTENT_TYPE, REQUEST_ID_HEADER, requestId),
                xml.toString().getBytes(StandardCharsets.UTF_8));
    }
}
