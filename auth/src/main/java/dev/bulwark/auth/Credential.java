package dev.bulwark.auth;

import dev.bulwark.core.call.Principal;
import dev.bulwark.crypto.SecretBytes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access key: the id a request names, the secret it was signed with, and the principal it
 * authenticates as. Temporary credentials (issued by STS) also carry a session token, which
 * the request must present, and an expiry.
 *
 * <p>{@link #toString()} is safe to log: the secret and the session token are redacted.
 *
 * @param sessionToken the token a request must present in {@code X-Amz-Security-Token}, for
 *                     temporary credentials
 * @param expiration   when the credential stops working, if it ever does
 */
public record Credential(
        String accessKeyId,
        SecretBytes secretAccessKey,
        Principal principal,
        Optional<SecretBytes> sessionToken,
        Optional<Instant> expiration) {

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        if (!principal.accessKeyId().equals(accessKeyId)) {
            throw new IllegalArgumentException("The principal must name the credential's own access key");
        }
    }

    /** A long-term access key, such as an IAM user's or the account root's. */
    public static Credential longTerm(String accessKeyId, SecretBytes secretAccessKey, Principal principal) {
        return new Credential(accessKeyId, secretAccessKey, principal, Optional.empty(), Optional.empty());
    }

    /** Temporary credentials, as STS issues them. */
    public static Credential temporary(String accessKeyId, SecretBytes secretAccessKey, Principal principal,
            SecretBytes sessionToken, Instant expiration) {
        return new Credential(accessKeyId, secretAccessKey, principal,
                Optional.of(sessionToken), Optional.of(expiration));
    }

    /** Whether the credential no longer works at the given instant. */
    public boolean isExpiredAt(Instant now) {
        return expiration.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }
}
