package dev.bulwark.auth;

import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.RequestPrincipal;
import dev.bulwark.core.call.Principal;
import java.util.List;
import java.util.Objects;

/**
 * Where the authorizer learns what a principal's identity-based policies are. The IAM service
 * implements it over its users, groups, roles and sessions; the authorizer never reads IAM's
 * storage itself.
 */
@FunctionalInterface
public interface IdentityPolicySource {

    /**
     * The policies of an IAM user (its own and its groups', inline and managed), of the role
     * behind an assumed-role session (with the session's policies), and the principal as the
     * policy engine sees it (ARN with path, unique id, tags).
     */
    PrincipalPolicies policiesOf(Principal principal);

    /**
     * A principal with its policies.
     *
     * @param sessionPolicies the policies passed when the session was created; they narrow the
     *                        identity-based permissions
     */
    record PrincipalPolicies(RequestPrincipal principal, List<AttachedPolicy> identityPolicies,
            List<AttachedPolicy> sessionPolicies) {

        public PrincipalPolicies {
            Objects.requireNonNull(principal, "principal");
            identityPolicies = List.copyOf(identityPolicies);
            sessionPolicies = List.copyOf(sessionPolicies);
        }
    }
}
