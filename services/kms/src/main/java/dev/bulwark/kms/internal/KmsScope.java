package dev.bulwark.kms.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.store.RecordKey;

/**
 * The account and region KMS resources live in. Keys and aliases are regional: the same key id
 * in two regions names two keys (replicas of a multi-Region key share their id on purpose).
 */
public record KmsScope(AccountId account, Region region) {

    public static KmsScope of(Caller caller) {
        return new KmsScope(caller.account(), caller.region());
    }

    /** The store scope of this account and region ({@code 111122223333/us-east-1}). */
    public String storeScope() {
        return RecordKey.scope(account, region);
    }

    public String keyArn(String keyId) {
        return Arn.of(region, account, "kms", "key/" + keyId).toString();
    }

    /** @param aliasName the full name, {@code alias/ExampleAlias} */
    public String aliasArn(String aliasName) {
        return Arn.of(region, account, "kms", aliasName).toString();
    }

    /** {@code arn:aws:iam::111122223333:root}: how policies and grants name the account. */
    public String accountRootArn() {
        return "arn:" + region.partition() + ":iam::" + account.value() + ":root";
    }

    /** The same account in another region (where replicas of multi-Region keys live). */
    public KmsScope inRegion(Region other) {
        return new KmsScope(account, other);
    }
}
