package dev.bulwark.sts.internal;

import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.ConditionKeys;
import dev.bulwark.auth.policy.EvaluationRequest;
import dev.bulwark.auth.policy.MalformedPolicyException;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PolicyEvaluator;
import dev.bulwark.auth.policy.RequestContext;
import dev.bulwark.auth.policy.ResourcePolicy;
import dev.bulwark.core.call.Caller;
import dev.bulwark.iam.AssumableRole;
import dev.bulwark.iam.IdentityPolicies;
import dev.bulwark.iam.PrincipalPolicies;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a caller may assume a role, as AWS does: the role's trust policy is the
 * resource policy of the request and must allow it ({@link ResourcePolicy#mustAllow}), either
 * by naming the caller (then nothing else is needed) or by naming its account, which delegates
 * to the caller's identity-based policies; across accounts both must allow. The caller's
 * session policies limit what its identity policies grant, and any Deny wins.
 *
 * <p>Evaluated here rather than through {@code Caller.authorize}, because the authorizer
 * contract has no way to pass a resource policy; the call still names the role as its resource
 * for the audit trail. Permissions boundaries are not evaluated yet (the engine does not).
 */
final class RoleTrust {
    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    private final IdentityPolicies policies;

    RoleTrust(IdentityPolicies policies) {
        this.policies = policies;
    }

    /**
     * The first of {@code actions} ({@code sts:AssumeRole}, then {@code sts:TagSession} or
     * {@code sts:SetSourceIdentity} when the request needs them) the caller may not perform on
     * the role, with the request's condition keys; empty when it may perform them all.
     */
    Optional<String> firstDenied(Caller caller, AssumableRole role, List<String> actions,
            Map<String, List<String>> requestKeys) {
        PrincipalPolicies principal = policies.forPrincipal(caller.principal());
        ResourcePolicy trustPolicy = ResourcePolicy.mustAllow(new AttachedPolicy(role.arn(), trustPolicy(role)));
        RequestContext context = context(caller, requestKeys);
        return actions.stream().filter(action -> !EVALUATOR.evaluate(EvaluationRequest.builder()
                .principal(principal.principal())
                .action(action)
                .resource(role.arn())
                .context(context)
                .identityPolicies(principal.identityPolicies())
                .sessionPolicies(principal.sessionPolicies())
                .resourcePolicy(trustPolicy)
                .build()).allowed()).findFirst();
    }

    /** The global condition keys of the call, and the request's own. */
    private static RequestContext context(Caller caller, Map<String, List<String>> requestKeys) {
        RequestContext.Builder keys = RequestContext.builder()
                .requestTime(caller.requestTime())
                .put(ConditionKeys.SECURE_TRANSPORT, caller.secureTransport())
                .put(ConditionKeys.MULTI_FACTOR_AUTH_PRESENT, false)
                .put(ConditionKeys.REQUESTED_REGION, caller.region().name());
        if (!caller.sourceIp().isEmpty()) {
            keys.put(ConditionKeys.SOURCE_IP, caller.sourceIp());
        }
        if (!caller.userAgent().isEmpty()) {
            keys.put(ConditionKeys.USER_AGENT, caller.userAgent());
        }
        requestKeys.forEach(keys::put);
        return keys.build();
    }

    private static PolicyDocument trustPolicy(AssumableRole role) {
        try {
            return PolicyDocument.parse(role.trustPolicy());
        } catch (MalformedPolicyException e) {
            throw new IllegalStateException("The trust policy of " + role.arn() + " no longer parses: "
                    + e.getMessage(), e);
        }
    }
}
