package dev.bulwark.iam;

import dev.bulwark.iam.internal.StoredRoles;
import dev.bulwark.store.Store;
import java.util.Optional;

/** Roles as STS sees them: found by ARN, in any account this server holds. */
@FunctionalInterface
public interface IamRoles {

    /** The role an ARN names exactly (path included), if it exists. */
    Optional<AssumableRole> find(String roleArn);

    static IamRoles over(Store store) {
        return new StoredRoles(store);
    }
}
