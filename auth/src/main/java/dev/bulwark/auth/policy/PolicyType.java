package dev.bulwark.auth.policy;

/**
 * What a policy document is for, which decides the rules it is validated against beyond the
 * grammar every policy shares.
 */
public enum PolicyType {
    /**
     * Attached to a user, group or role, or passed as a session policy: no Principal (the
     * principal is whoever it is attached to), Resource required, Version 2012-10-17, Sids
     * alphanumeric. IAM's rules for CreatePolicy and PutUserPolicy.
     */
    IDENTITY,
    /**
     * Attached to a resource (a KMS key policy, a Secrets Manager resource policy): Principal and
     * Resource required.
     */
    RESOURCE,
    /** A role's trust policy: Principal required, no Resource, only STS role-assumption actions. */
    TRUST
}
