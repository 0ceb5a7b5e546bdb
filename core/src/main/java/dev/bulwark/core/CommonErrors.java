package dev.bulwark.core;

/** Errors every AWS service answers with, in AWS's words. */
public final class CommonErrors {
    private CommonErrors() {
    }

    public static AwsException serialization(String message) {
        return AwsException.badRequest("SerializationException", message);
    }

    public static AwsException unknownOperation() {
        return AwsException.badRequest("UnknownOperationException", null);
    }

    public static AwsException validation(String message) {
        return AwsException.badRequest("ValidationException", message);
    }

    /** A request the caller is not allowed to make: {@code AccessDeniedException}, or {@code AccessDenied} (403) in IAM and STS. */
    public static AwsException accessDenied(String message) {
        return new ProtocolNamedError("AccessDeniedException", 400, "AccessDenied", 403, message);
    }

    public static AwsException internalFailure() {
        return new AwsException("InternalFailure", 500,
                "The request processing has failed because of an unknown error, exception or failure.");
    }

    public static AwsException serviceUnavailable() {
        return new AwsException("ServiceUnavailable", 503, "Service is unavailable. Try again later.");
    }
}
