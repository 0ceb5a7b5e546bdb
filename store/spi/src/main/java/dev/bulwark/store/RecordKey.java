package dev.bulwark.store;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import java.util.Objects;

/**
 * Where a record lives: a namespace owned by one module ({@code kms.key}, {@code auth.access-key}),
 * a scope ({@code 111122223333/us-east-1} for regional resources, the account id alone for
 * global ones, empty for server-wide records) and an id unique in namespace and scope. The
 * key is also the additional authenticated data of the record's sealed part, so a sealed
 * value cannot be moved to another record.
 */
public record RecordKey(String namespace, String scope, String id) {

    public RecordKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("A record key needs a namespace");
        }
    }

    /** The scope of a regional resource. */
    public static String scope(AccountId account, Region region) {
        return account.value() + "/" + region.name();
    }

    /** The scope of a global resource (IAM users, access keys). */
    public static String scope(AccountId account) {
        return account.value();
    }
}
