package dev.bulwark.cloudtrail;

import dev.bulwark.core.AccountId;
import java.util.Optional;

/**
 * Finds the account an access key belongs to. A call whose authentication failed has no
 * principal, only the access key it named; when that key exists (a wrong signature, an
 * expired request) its event goes to the key's account, as AWS records what it knows.
 */
@FunctionalInterface
public interface AccessKeyOwners {

    /** The owning account, or empty if no such key exists. */
    Optional<AccountId> ownerOf(String accessKeyId);

    /** Knows no keys: events of failed authentications go to the default account. */
    AccessKeyOwners NONE = accessKeyId -> Optional.empty();
}
