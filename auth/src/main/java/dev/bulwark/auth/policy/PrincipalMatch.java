package dev.bulwark.auth.policy;

/**
 * How a resource-based policy statement names the requesting principal, weakest first. The
 * difference decides what else must allow the request (see {@link PolicyEvaluator}).
 */
enum PrincipalMatch {
    /** Not named. */
    NONE,
    /**
     * Named only through its account ({@code "AWS": "111122223333"} or the account's root ARN):
     * the account delegates to its own identity-based policies, which must allow too. For the
     * account root itself this is {@link #PRINCIPAL}.
     */
    ACCOUNT,
    /**
     * Named itself: its user ARN, its role's ARN, the root for the root, or everyone ({@code "*"},
     * or a NotPrincipal that does not exempt it). Session policies still limit what this allows.
     */
    PRINCIPAL,
    /**
     * Named as this very session (an assumed-role session ARN, a federated user ARN): AWS does not
     * limit such an allow by the session policies.
     */
    SESSION;

    PrincipalMatch strongest(PrincipalMatch other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
