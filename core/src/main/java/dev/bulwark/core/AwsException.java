package dev.bulwark.core;

import dev.bulwark.core.service.WireProtocol;

/**
 * An error as AWS reports it: an error code, an HTTP status and a message. Services throw it
 * (or a subclass); the protocol adapter writes it in the shape its protocol uses. Messages go
 * to clients and audit records, so they never contain secrets.
 *
 * <p>Client faults carry no stack trace: they are expected outcomes, thrown on hot paths.
 */
public class AwsException extends RuntimeException {
    private final String code;
    private final int httpStatus;

    public AwsException(String code, int httpStatus, String message) {
        super(message, null, false, httpStatus >= 500);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** A client error with status 400, the most common kind in the AWS JSON protocols. */
    public static AwsException badRequest(String code, String message) {
        return new AwsException(code, 400, message);
    }

    public String code() {
        return code;
    }

    /**
     * The code to write for a protocol. Some failures have different names per protocol
     * family (authentication errors are {@code UnrecognizedClientException} for JSON services
     * and {@code InvalidClientTokenId} for query services); subclasses override this.
     */
    public String codeFor(WireProtocol protocol) {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The HTTP status to write for a protocol. Authentication failures are 400 in the JSON
     * protocols but 403 in awsQuery and behind the REST services' front door; subclasses
     * override this.
     */
    public int httpStatusFor(WireProtocol protocol) {
        return httpStatus;
    }

    public boolean isServerFault() {
        return httpStatus >= 500;
    }
}
