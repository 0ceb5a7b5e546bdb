package dev.bulwark.auth.policy;

import java.util.Objects;

/**
 * The resource-based policy of the resource a request acts on, and how much authority it has.
 *
 * <p>Most resource policies (a Secrets Manager secret's, an S3 bucket's) are one way among others
 * to be allowed: within an account, an allow in them or in the principal's identity-based
 * policies suffices ({@link #of}). A KMS key policy and a role's trust policy are the primary
 * authority over their resource ({@link #mustAllow}): they must allow every request, either by
 * naming the principal or by naming the account, which delegates to the account's identity-based
 * policies (the key policy statement {@code "Principal": {"AWS": "arn:aws:iam::111122223333:root"}}
 * that "enables IAM policies"). Without that statement, even the account root is denied.
 */
public record ResourcePolicy(AttachedPolicy policy, boolean mustAllow) {

    public ResourcePolicy {
        Objects.requireNonNull(policy, "policy");
    }

    /** A policy whose allow is one way to be allowed within the account (Secrets Manager, S3, ...). */
    public static ResourcePolicy of(AttachedPolicy policy) {
        return new ResourcePolicy(policy, false);
    }

    /** A policy that must allow every request, directly or by delegating to IAM (KMS key policies, trust policies). */
    public static ResourcePolicy mustAllow(AttachedPolicy policy) {
        return new ResourcePolicy(policy, true);
    }
}
