package dev.bulwark.core;

import dev.bulwark.core.service.WireProtocol;

/**
 * An error AWS names differently in its two protocol families: the JSON services say
 * {@code AccessDeniedException} and {@code ValidationException} with status 400, the query
 * services (IAM, STS) {@code AccessDenied} with 403 and {@code ValidationError} with 400. The
 * protocol adapter asks {@link #codeFor} and {@link #httpStatusFor}.
 */
public final class ProtocolNamedError extends AwsException {
    private final String queryCode;
    private final int queryStatus;

    public ProtocolNamedError(String jsonCode, int jsonStatus, String queryCode, int queryStatus, String message) {
        super(jsonCode, jsonStatus, message);
        this.queryCode = queryCode;
        this.queryStatus = queryStatus;
    }

    @Override
    public String codeFor(WireProtocol protocol) {
        return protocol == WireProtocol.AWS_QUERY ? queryCode : code();
    }

    @Override
    public int httpStatusFor(WireProtocol protocol) {
        return protocol == WireProtocol.AWS_QUERY ? queryStatus : httpStatus();
    }
}
