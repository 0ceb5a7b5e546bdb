package dev.bulwark.protocol;

import dev.bulwark.core.service.WireProtocol;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.protocol.json.AwsJsonAdapter;
import dev.bulwark.protocol.query.AwsQueryAdapter;
import java.util.Optional;

/** The adapter for each wire protocol, and what a request alone says about its protocol. */
public final class ProtocolAdapters {
    private static final ProtocolAdapter JSON_1_0 = new AwsJsonAdapter(WireProtocol.AWS_JSON_1_0);
    private static final ProtocolAdapter JSON_1_1 = new AwsJsonAdapter(WireProtocol.AWS_JSON_1_1);
    private static final ProtocolAdapter QUERY = new AwsQueryAdapter();

    private ProtocolAdapters() {
    }

    /** @throws UnsupportedOperationException for restJson1, which is not bound yet */
    public static ProtocolAdapter forProtocol(WireProtocol protocol) {
        return switch (protocol) {
            case AWS_JSON_1_0 -> JSON_1_0;
            case AWS_JSON_1_1 -> JSON_1_1;
            case AWS_QUERY -> QUERY;
            case REST_JSON_1 -> throw new UnsupportedOperationException("restJson1 is not supported yet");
        };
    }

    /**
     * The {@code X-Amz-Target} prefix of an awsJson request ({@code TrentService} for
     * {@code TrentService.Encrypt}), which names the service; empty for other protocols.
     */
    public static Optional<String> targetPrefix(WireRequest request) {
        return AwsJsonAdapter.targetPrefix(request);
    }
}
