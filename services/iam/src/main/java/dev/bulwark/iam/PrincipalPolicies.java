package dev.bulwark.iam;

import java.util.List;
import java.util.Optional;

/**
 * The policies IAM holds for a principal, grouped as AWS's evaluation logic combines them.
 *
 * @param identityPolicies     the identity-based policies: a user's inline and attached policies and
 *                             those of its groups, or the assumed role's; any of them may allow
 * @param permissionsBoundary  the user's or role's permissions boundary, if set: it must allow too
 * @param sessionPolicies      the session policies passed to AssumeRole (inline and managed): when
 *                             present, each must allow as well
 * @param known                false when the principal no longer exists in IAM (a deleted user, or a
 *                             role deleted or recreated since the session began): it may do nothing
 */
public record PrincipalPolicies(
        List<PolicyDocumentText> identityPolicies,
        Optional<PolicyDocumentText> permissionsBoundary,
        List<PolicyDocumentText> sessionPolicies,
        boolean known) {

    public PrincipalPolicies {
        identityPolicies = List.copyOf(identityPolicies);
        sessionPolicies = List.copyOf(sessionPolicies);
    }

    /** For a principal IAM does not know. */
    public static PrincipalPolicies unknown() {
        return new PrincipalPolicies(List.of(), Optional.empty(), List.of(), false);
    }
}
