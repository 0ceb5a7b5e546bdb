package dev.bulwark.auth.identity;

import java.time.Instant;

/**
 * When an access key last authenticated a request, and to which service and region
 * (IAM's {@code AccessKeyLastUsed}). Recorded at most once a minute per key: see
 * {@link AccessKeyUsageRecorder}.
 *
 * @param service the signing name of the service called ({@code iam}, {@code kms}, ...)
 */
public record AccessKeyLastUse(Instant when, String service, String region) {
}
