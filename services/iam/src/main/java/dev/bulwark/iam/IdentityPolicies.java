package dev.bulwark.iam;

import dev.bulwark.core.call.Principal;
import dev.bulwark.iam.internal.StoredIdentityPolicies;
import dev.bulwark.store.Store;

/**
 * The identity-based policies IAM holds for a principal, ready for the policy engine: a user's
 * inline and attached policies and those of its groups; for a role session, the role's policies
 * and the session policies passed to AssumeRole; the permissions boundary of either. The
 * account root has none (it is not governed by identity policies).
 *
 * <p>Every call reads the store, so a policy change applies to the very next request. Documents
 * were validated by the same parser when they were stored; should one no longer parse (a
 * stricter parser after an upgrade), the call fails rather than evaluate without it.
 */
@FunctionalInterface
public interface IdentityPolicies {

    PrincipalPolicies forPrincipal(Principal principal);

    /** The policies as stored by the IAM service in this store. */
    static IdentityPolicies over(Store store) {
        return new StoredIdentityPolicies(store);
    }
}
