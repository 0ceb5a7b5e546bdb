package dev.bulwark.auth;

import dev.bulwark.core.Region;
import dev.bulwark.core.call.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * What authentication established about a request.
 *
 * @param principal   who signed it
 * @param region      the region of the signature's credential scope: the region the call addresses
 * @param service     the service signing name of the credential scope ({@code kms}, {@code sts}, ...)
 * @param signedAt    the request's signing time ({@code X-Amz-Date})
 * @param accessKeyId the access key the request was signed with
 */
public record AuthenticatedRequest(
        Principal principal, Region region, String service, Instant signedAt, String accessKeyId) {

    public AuthenticatedRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
    }
}
