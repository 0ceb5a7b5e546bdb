package dev.bulwark.sts.internal;

import dev.bulwark.auth.IdentityPolicySource;
import dev.bulwark.auth.identity.AccessKeyGenerator;
import dev.bulwark.iam.IamRoles;
import dev.bulwark.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** What the STS operations work with: the store, IAM's roles and policies, time and key generation. */
public final class StsContext {
    private final Store store;
    private final IamRoles roles;
    private final IdentityPolicySource policies;
    private final Clock clock;
    private final AccessKeyGenerator keys;

    public StsContext(Store store, IamRoles roles, IdentityPolicySource policies, Clock clock, AccessKeyGenerator keys) {
        this.store = Objects.requireNonNull(store, "store");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    Store store() {
        return store;
    }

    IamRoles roles() {
        return roles;
    }

    IdentityPolicySource policies() {
        return policies;
    }

    AccessKeyGenerator keys() {
        return keys;
    }

    /** Now, to the second: STS states creation and expiry times in whole seconds. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
