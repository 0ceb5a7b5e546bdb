package dev.bulwark.iam.internal;

import dev.bulwark.auth.identity.AccessKeyGenerator;
import dev.bulwark.auth.identity.AwsIdentifiers;
import dev.bulwark.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** What every IAM operation family works with: the store, time and randomness. */
public final class IamContext {
    private final Store store;
    private final Clock clock;
    private final SecureRandom random;
    private final AccessKeyGenerator keys;

    public IamContext(Store store, Clock clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.keys = new AccessKeyGenerator(random);
    }

    Store store() {
        return store;
    }

    Instant now() {
        return clock.instant();
    }

    AccessKeyGenerator keys() {
        return keys;
    }

    /** A new unique id: {@code AIDA}, {@code AGPA}, {@code AROA} or {@code ANPA} and 17 base32 characters. */
    String newId(String prefix) {
        return AwsIdentifiers.uniqueId(prefix, random);
    }
}
