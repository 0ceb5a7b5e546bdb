package dev.bulwark.auth;

import java.util.Optional;

/**
 * What the service a request is routed to expects of its signature.
 *
 * @param signingName            the service name the credential scope must carry, when the
 *                               request was routed before authentication (by
 *                               {@code X-Amz-Target} or path); empty when routing itself relies
 *                               on the credential scope
 * @param unsignedPayloadAllowed whether {@code X-Amz-Content-Sha256: UNSIGNED-PAYLOAD} may stand
 *                               in for the body hash. AWS allows it for S3 only; the JSON and query
 *                               services sign their bodies, so it is off unless a service asks.
 */
public record SigningRules(Optional<String> signingName, boolean unsignedPayloadAllowed) {

    /** Any service name, payload always signed: for requests routed by their credential scope. */
    public static final SigningRules ANY_SERVICE = new SigningRules(Optional.empty(), false);

    public static SigningRules forService(String signingName) {
        return new SigningRules(Optional.of(signingName), false);
    }
}
