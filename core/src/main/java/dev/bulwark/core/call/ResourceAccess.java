package dev.bulwark.core.call;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the resource itself says about access, as the service that owns it knows it: its
 * resource-based policy, whether that policy must allow (a KMS key policy must; a Secrets
 * Manager resource policy merely may), and whether a grant for the caller allows the operation
 * (KMS grants). The authorizer combines this with the caller's identity policies.
 *
 * <p>The grant is asked for only when no policy allows the call: finding grants reads the
 * store, and most calls are allowed by a policy.
 *
 * @param policy          the resource policy document (JSON), if the resource has one
 * @param policyMustAllow whether nothing is allowed unless the policy allows it, directly or by
 *                        delegating to the account's IAM policies (the key policy model)
 * @param grant           whether a grant for this principal covers the operation; asked at most
 *                        once, during authorization; an explicit deny in any policy still wins
 */
public record ResourceAccess(Optional<String> policy, boolean policyMustAllow, BooleanSupplier grant) {

    private static final BooleanSupplier NO_GRANT = () -> false;

    /** A resource without a policy of its own: identity policies alone decide. */
    public static final ResourceAccess NONE = new ResourceAccess(Optional.empty(), false, NO_GRANT);

    public ResourceAccess {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(grant, "grant");
        if (policyMustAllow && policy.isEmpty()) {
            throw new IllegalArgumentException("A policy that must allow needs a policy");
        }
    }

    /** A resource policy that may allow on its own, as Secrets Manager's and most others'. */
    public static ResourceAccess policy(String document) {
        return new ResourceAccess(Optional.of(document), false, NO_GRANT);
    }

    /** A KMS key policy: the primary control, which must allow (or delegate to IAM). */
    public static ResourceAccess keyPolicy(String document) {
        return new ResourceAccess(Optional.of(document), true, NO_GRANT);
    }

    /** A role's trust policy, which must allow (AssumeRole). */
    public static ResourceAccess trustPolicy(String document) {
        return keyPolicy(document);
    }

    /** The same, with the grants that may cover the operation for this caller. */
    public ResourceAccess withGrant(BooleanSupplier grantCovers) {
        return new ResourceAccess(policy, policyMustAllow, grantCovers);
    }

    /** Whether a grant covers the operation (reads the grants when asked). */
    public boolean grantAllows() {
        return grant.getAsBoolean();
    }
}
