package dev.bulwark.sts.internal;

import dev.bulwark.auth.IdentityPolicySource;
import dev.bulwark.auth.PolicyAuthorizer;
import dev.bulwark.core.call.AuthorizationRequest;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.ResourceAccess;
import dev.bulwark.iam.AssumableRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a caller may assume a role, as AWS does: the role's trust policy is the
 * resource policy of the request and must allow it, either by naming the caller (then nothing
 * else is needed) or by naming its account, which delegates to the caller's identity-based
 * policies; across accounts both must allow. The caller's session policies limit what its
 * identity policies grant, and any Deny wins.
 *
 * <p>It asks a {@link PolicyAuthorizer} of its own rather than {@code Caller.authorize}: the
 * server's authorizer may still be the same-account one, which reads no resource policy and
 * would let anyone in the account assume any role. Once the server authorizes every call with
 * the {@code PolicyAuthorizer}, this is {@code caller.authorize(action, roleArn, keys, trust)}.
 */
final class RoleTrust {
    private final PolicyAuthorizer authorizer;

    RoleTrust(IdentityPolicySource policies) {
        this.authorizer = new PolicyAuthorizer(policies);
    }

    /**
     * The first of {@code actions} ({@code sts:AssumeRole}, then {@code sts:TagSession} or
     * {@code sts:SetSourceIdentity} when the request needs them) the caller may not perform on
     * the role, with the request's condition keys; empty when it may perform them all.
     */
    Optional<String> firstDenied(Caller caller, AssumableRole role, List<String> actions,
            Map<String, List<String>> requestKeys) {
        ResourceAccess trustPolicy = new ResourceAccess(Optional.of(role.trustPolicy()), true, false);
        return actions.stream()
                .filter(action -> !authorizer.decide(caller,
                        new AuthorizationRequest(caller.principal(), action, role.arn(), requestKeys, trustPolicy))
                        .allowed())
                .findFirst();
    }
}
