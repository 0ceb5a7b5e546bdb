package dev.bulwark.iam;

import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.AwsPrincipal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A principal as the policy engine evaluates it, and the policies IAM holds for it, grouped as
 * AWS's evaluation logic combines them.
 *
 * @param principal            the principal with its tags ({@code aws:PrincipalTag/*}): a user's
 *                             tags, or a role's overridden by the session's tags; for a role
 *                             session, the role's ARN with its path
 * @param identityPolicies     the identity-based policies: a user's inline and attached policies and
 *                             those of its groups, or the assumed role's. Empty for the account root
 *                             (which needs none) and for principals IAM no longer knows (a deleted
 *                             user, a role deleted or recreated since the session began)
 * @param permissionsBoundary  the user's or role's permissions boundary, if it has one
 * @param sessionPolicies      the session policies passed to AssumeRole (inline and managed)
 */
public record PrincipalPolicies(
        AwsPrincipal principal,
        List<AttachedPolicy> identityPolicies,
        Optional<AttachedPolicy> permissionsBoundary,
        List<AttachedPolicy> sessionPolicies) {

    public PrincipalPolicies {
        Objects.requireNonNull(principal, "principal");
        identityPolicies = List.copyOf(identityPolicies);
        Objects.requireNonNull(permissionsBoundary, "permissionsBoundary");
        sessionPolicies = List.copyOf(sessionPolicies);
    }
}
