package dev.bulwark.iam;

import dev.bulwark.auth.IdentityPolicySource;
import dev.bulwark.iam.internal.StoredIdentityPolicies;
import dev.bulwark.store.Store;

/**
 * IAM's side of authorization: the identity-based policies of users (with their groups'),
 * of the roles behind assumed-role sessions (with the sessions' policies), and each principal
 * as the policy engine evaluates it. The authorizer ({@code PolicyAuthorizer}) reads them
 * through {@link IdentityPolicySource}; it never reads IAM's storage itself.
 */
public final class IdentityPolicies {
    private IdentityPolicies() {
    }

    /** The policies as the IAM service stores them in this store, read afresh on every call. */
    public static IdentityPolicySource over(Store store) {
        return new StoredIdentityPolicies(store);
    }
}
