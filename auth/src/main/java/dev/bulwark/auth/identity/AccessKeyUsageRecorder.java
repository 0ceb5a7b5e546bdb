package dev.bulwark.auth.identity;

import dev.bulwark.auth.AuthenticatedRequest;
import dev.bulwark.auth.RequestAuthenticator;
import dev.bulwark.auth.SigningRules;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records when each long-term access key last authenticated a request (IAM's
 * {@code GetAccessKeyLastUsed}), around the authenticator that does the work.
 *
 * <p>A store write per request would put a durable commit on the hot path of every call, so a
 * key's use is written at most once per {@link #RESOLUTION}: the first use after a quiet
 * minute is written at once, later ones in that minute are not. What IAM reports is therefore
 * at most a minute old (AWS's own figure can lag by hours). The minute is tracked in memory per
 * key and per server node; concurrent requests with one key claim the write with a
 * compare-and-set, so a burst still writes once. Temporary credentials have no last-used date
 * in AWS and are not recorded; failed authentications are not uses.
 */
public final class AccessKeyUsageRecorder implements RequestAuthenticator {
    /** How stale a recorded last use may be. */
    public static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final RequestAuthenticator delegate;
    private final Store store;
    private final Clock clock;
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    public AccessKeyUsageRecorder(RequestAuthenticator delegate, Store store, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuthenticatedRequest authenticate(WireRequest request, SigningRules rules) {
        AuthenticatedRequest authenticated = delegate.authenticate(request, rules);
        String accessKeyId = authenticated.accessKeyId();
        if (!AwsIdentifiers.isTemporary(accessKeyId) && claimWrite(accessKeyId)) {
            AccessKeyLastUse use = new AccessKeyLastUse(clock.instant(), authenticated.service(),
                    authenticated.region().name());
            store.write(tx -> {
                AccessKeyStore.recordUse(tx, accessKeyId, use);
                return null;
            });
        }
        return authenticated;
    }

    /** Whether this request is the one that writes the key's use for the current minute. */
    private boolean claimWrite(String accessKeyId) {
        Instant now = clock.instant();
        Instant previous = lastWritten.get(accessKeyId);
        if (previous == null) {
            return lastWritten.putIfAbsent(accessKeyId, now) == null;
        }
        return !now.isBefore(previous.plus(RESOLUTION)) && lastWritten.replace(accessKeyId, previous, now);
    }
}
