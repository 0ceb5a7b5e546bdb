package dev.bulwark.auth;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.service.WireProtocol;

/**
 * A request AWS would refuse before it reaches the service: no signature, a malformed one, an
 * unknown key, a signature that does not match, an expired token.
 *
 * <p>AWS names these failures differently per protocol family (the JSON services answer
 * {@code UnrecognizedClientException}, IAM and STS answer {@code InvalidClientTokenId}) and
 * answers them with different statuses: 400 from the JSON services, mostly 403 from the query
 * services and from the REST services' front door. {@link #code()} and {@link #httpStatus()}
 * give the JSON form; the protocol adapter asks {@link #codeFor} and {@link #httpStatusFor}.
 *
 * <p>Messages are AWS's. They never contain a secret key, a session token or a computed
 * signature.
 */
public final class AuthenticationException extends AwsException {

    /** The kinds of failure, each with its JSON and query names and its query status. */
    public enum Kind {
        MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", "MissingAuthenticationToken", 403),
        INCOMPLETE_SIGNATURE("IncompleteSignatureException", "IncompleteSignature", 400),
        UNRECOGNIZED_CLIENT("UnrecognizedClientException", "InvalidClientTokenId", 403),
        INVALID_SIGNATURE("InvalidSignatureException", "SignatureDoesNotMatch", 403),
        EXPIRED_TOKEN("ExpiredTokenException", "ExpiredToken", 400);

        private final String jsonCode;
        private final String queryCode;
        private final int queryStatus;

        Kind(String jsonCode, String queryCode, int queryStatus) {
            this.jsonCode = jsonCode;
            this.queryCode = queryCode;
            this.queryStatus = queryStatus;
        }
    }

    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature"
            + " you provided. Check your AWS Secret Access Key and signing method."
            + " Consult the service documentation for details.";

    private final Kind kind;

    private AuthenticationException(Kind kind, String message) {
        super(kind.jsonCode, 400, message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String codeFor(WireProtocol protocol) {
        return protocol == WireProtocol.AWS_QUERY ? kind.queryCode : kind.jsonCode;
    }

    @Override
    public int httpStatusFor(WireProtocol protocol) {
        return switch (protocol) {
            case AWS_JSON_1_0, AWS_JSON_1_1 -> 400;
            case AWS_QUERY -> kind.queryStatus;
            // The REST services sit behind a front door that refuses unauthenticated calls with 403.
            case REST_JSON_1 -> 403;
        };
    }

    public static AuthenticationException missingAuthenticationToken() {
        return new AuthenticationException(Kind.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
    }

    public static AuthenticationException incompleteSignature(String message) {
        return new AuthenticationException(Kind.INCOMPLETE_SIGNATURE, message);
    }

    /** The access key id is unknown. */
    public static AuthenticationException unrecognizedClient() {
        return new AuthenticationException(Kind.UNRECOGNIZED_CLIENT,
                "The security token included in the request is invalid.");
    }

    /** The session token is missing, unexpected or wrong (AWS words this one without a full stop). */
    public static AuthenticationException invalidSecurityToken() {
        return new AuthenticationException(Kind.UNRECOGNIZED_CLIENT,
                "The security token included in the request is invalid");
    }

    public static AuthenticationException signatureMismatch() {
        return invalidSignature(SIGNATURE_MISMATCH);
    }

    /** A signature that cannot be right: wrong scope, out of its time window, or not matching. */
    public static AuthenticationException invalidSignature(String message) {
        return new AuthenticationException(Kind.INVALID_SIGNATURE, message);
    }

    public static AuthenticationException expiredToken() {
        return new AuthenticationException(Kind.EXPIRED_TOKEN,
                "The security token included in the request is expired");
    }
}
