package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.store.RecordKey;

/** The account and region a secret lives in. */
public record SecretScope(AccountId account, Region region) {

    public String storeScope() {
        return RecordKey.scope(account, region);
    }

    public SecretScope inRegion(Region other) {
        return new SecretScope(account, other);
    }

    /** Reads a scope back from {@link #storeScope()}. */
    public static SecretScope parse(String storeScope) {
        String[] parts = storeScope.split("/", 2);
        return new SecretScope(AccountId.of(parts[0]), Region.of(parts[1]));
    }
}
