package dev.bulwark.core.call;

import java.util.Objects;
import java.util.Optional;

/**
 * What the resource itself says about access, as the service that owns it knows it: its
 * resource-based policy, whether that policy must allow (a KMS key policy must; a Secrets
 * Manager resource policy merely may), and whether a grant for the caller already allows the
 * operation (KMS grants). The authorizer combines this with the caller's identity policies.
 *
 * @param policy          the resource policy document (JSON), if the resource has one
 * @param policyMustAllow whether nothing is allowed unless the policy allows it, directly or by
 *                        delegating to the account's IAM policies (the key policy model)
 * @param grantAllows     whether a grant for this principal covers the operation; an explicit
 *                        deny in any policy still wins
 */
public record ResourceAccess(Optional<String> policy, boolean policyMustAllow, boolean grantAllows) {

    /** A resource without a policy of its own: identity policies alone decide. */
    public static final ResourceAccess NONE = new ResourceAccess(Optional.empty(), false, false);

    public ResourceAccess {
        Objects.requireNonNull(policy, "policy");
        if (policyMustAllow && policy.isEmpty()) {
            throw new IllegalArgumentException("A policy that must allow needs a policy");
        }
    }

    /** A resource policy that may allow on its own, as Secrets Manager's and most others'. */
    public static ResourceAccess policy(String document) {
        return new ResourceAccess(Optional.of(document), false, false);
    }

    /** A KMS key policy: the primary control, which must allow (or delegate to IAM). */
    public static ResourceAccess keyPolicy(String document) {
        return new ResourceAccess(Optional.of(document), true, false);
    }

    /** The same, noting that a grant covers the operation for this caller. */
    public ResourceAccess withGrant() {
        return new ResourceAccess(policy, policyMustAllow, true);
    }
}
