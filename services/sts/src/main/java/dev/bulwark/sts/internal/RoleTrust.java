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
 * <p>It asks a {@link PolicyAuthorizer} of its own, the same engine the server authorizes every
 * call with, rather than {@code Caller.authorize}, because AssumeRole needs the decision
 * without AWS's usual "because ..." reason in the denial: STS answers only "User: ... is not
 * authorized to perform: sts:AssumeRole on resource: ...". A {@code Caller} method returning
 * the decision would let this class go.
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
        ResourceAccess trustPolicy = ResourceAccess.trustPolicy(role.trustPolicy());
        return actions.stream()
                .filter(action -> !authorizer.decide(caller,
                        new AuthorizationRequest(caller.principal(), action, role.arn(), requestKeys, trustPolicy))
                        .allowed())
                .findFirst();
    }
}
