package dev.bulwark.auth.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides a request under AWS's policy evaluation logic. Stateless and thread-safe.
 *
 * <h2>The logic</h2>
 * <ol>
 *   <li>A statement applies when its action, resource and principal elements match and its
 *       conditions hold. An applicable Deny in any policy (identity-based, session,
 *       resource-based) denies: explicit deny wins over every allow.
 *   <li>The identity side allows when an identity-based policy allows (always, for the account
 *       root) and, if the session has session policies, one of them allows too: session
 *       policies intersect the identity-based permissions, they never add to them.
 *   <li>The resource side allows according to how its allow names the principal (see
 *       {@link PrincipalMatch}): naming the very session allows regardless of session policies;
 *       naming the principal (user, role, {@code *}) allows within the session policies; naming
 *       only the account delegates to the identity side.
 *   <li>Within one account, either side allowing suffices. Across accounts both must: the
 *       resource policy must name the principal or its account, and the principal's own account
 *       must allow it. A resource policy that must allow ({@link ResourcePolicy#mustAllow}, KMS
 *       key policies and trust policies) makes the same-account case like the cross-account
 *       one, except that naming the principal itself suffices.
 *   <li>Otherwise the request is implicitly denied; the reason names the side that did not
 *       allow.
 * </ol>
 * A service or an identity provider has no identity side: only a resource policy naming it
 * allows it.
 */
public final class PolicyEvaluator {

    /** The statements of one set of policies that apply to a request. */
    private record Applicable(List<DecidingStatement> allows, List<DecidingStatement> denies,
            PrincipalMatch strongestAllow) {
        static final Applicable NONE = new Applicable(List.of(), List.of(), PrincipalMatch.NONE);
    }

    public PolicyDecision evaluate(EvaluationRequest request) {
        RequestContext context = request.context().overriddenBy(request.principal().conditionKeys());
        Applicable identity = applicable(PolicySource.IDENTITY_BASED, request.identityPolicies(), request, context);
        Applicable session = applicable(PolicySource.SESSION, request.sessionPolicies(), request, context);
        Applicable resource = request.resourcePolicy()
                .map(policy -> applicable(PolicySource.RESOURCE_BASED, List.of(policy.policy()), request, context))
                .orElse(Applicable.NONE);

        List<DecidingStatement> denies = Stream.of(identity, session, resource)
                .flatMap(applicable -> applicable.denies().stream()).toList();
        if (!denies.isEmpty()) {
            return PolicyDecision.explicitDeny(denies);
        }
        List<DecidingStatement> allows = Stream.of(identity, session, resource)
                .flatMap(applicable -> applicable.allows().stream()).toList();
        return switch (request.principal()) {
            case AwsPrincipal principal -> decide(principal, request, identity, session, resource, allows);
            case ServicePrincipal service -> resourceOnly(request, resource, allows);
            case FederatedPrincipal provider -> resourceOnly(request, resource, allows);
        };
    }

    private static PolicyDecision decide(AwsPrincipal principal, EvaluationRequest request, Applicable identity,
            Applicable session, Applicable resource, List<DecidingStatement> allows) {
        String action = request.action();
        boolean identityAllows = principal.isRoot() || !identity.allows().isEmpty();
        boolean sessionAllows = request.sessionPolicies().isEmpty() || !session.allows().isEmpty();
        PrincipalMatch granted = resource.strongestAllow();
        boolean identityGrants = identityAllows && sessionAllows;
        boolean resourceGrantsAlone = granted == PrincipalMatch.SESSION
                || granted == PrincipalMatch.PRINCIPAL && sessionAllows;
        boolean sameAccount = request.resourceAccount().map(principal.account()::equals).orElse(true);
        boolean resourceMustAllow = request.resourcePolicy().map(ResourcePolicy::mustAllow).orElse(false);

        if (sameAccount && !resourceMustAllow) {
            if (identityGrants || resourceGrantsAlone) {
                return PolicyDecision.allow(allows);
            }
            boolean sessionIsTheLimit = !sessionAllows && (identityAllows || granted == PrincipalMatch.PRINCIPAL);
            return PolicyDecision.implicitDeny(sessionIsTheLimit ? PolicySource.SESSION : PolicySource.IDENTITY_BASED,
                    action);
        }
        if (sameAccount) {
            // The resource policy must allow: by naming the principal, or its account (delegation).
            if (resourceGrantsAlone) {
                return PolicyDecision.allow(allows);
            }
            if (granted == PrincipalMatch.NONE) {
                return PolicyDecision.implicitDeny(PolicySource.RESOURCE_BASED, action);
            }
            // Delegated to the account (then IAM must allow), or named but held back by the session policies.
            if (identityGrants) {
                return PolicyDecision.allow(allows);
            }
            boolean sessionIsTheLimit = identityAllows || granted == PrincipalMatch.PRINCIPAL;
            return PolicyDecision.implicitDeny(sessionIsTheLimit ? PolicySource.SESSION : PolicySource.IDENTITY_BASED,
                    action);
        }
        // Across accounts both sides must allow: the principal's account, then the resource's.
        if (!identityAllows) {
            return PolicyDecision.implicitDeny(PolicySource.IDENTITY_BASED, action);
        }
        if (!sessionAllows) {
            return PolicyDecision.implicitDeny(PolicySource.SESSION, action);
        }
        return granted == PrincipalMatch.NONE ? PolicyDecision.implicitDeny(PolicySource.RESOURCE_BASED, action)
                : PolicyDecision.allow(allows);
    }

    private static PolicyDecision resourceOnly(EvaluationRequest request, Applicable resource,
            List<DecidingStatement> allows) {
        return resource.strongestAllow() == PrincipalMatch.NONE
                ? PolicyDecision.implicitDeny(PolicySource.RESOURCE_BASED, request.action())
                : PolicyDecision.allow(allows);
    }

    private static Applicable applicable(PolicySource source, List<AttachedPolicy> policies,
            EvaluationRequest request, RequestContext context) {
        List<DecidingStatement> allows = new ArrayList<>();
        List<DecidingStatement> denies = new ArrayList<>();
        PrincipalMatch strongest = PrincipalMatch.NONE;
        for (AttachedPolicy policy : policies) {
            for (Statement statement : policy.document().statements()) {
                if (!statement.matchesAction(request.action())) {
                    continue;
                }
                PrincipalMatch match = principalMatch(source, statement, request.principal());
                if (match == PrincipalMatch.NONE || !statement.matchesResource(request.resource(), context)
                        || !statement.conditionsHold(context)) {
                    continue;
                }
                DecidingStatement deciding = new DecidingStatement(source, policy.name(), statement);
                if (statement.effect() == Effect.DENY) {
                    denies.add(deciding);
                } else {
                    allows.add(deciding);
                    strongest = strongest.strongest(match);
                }
            }
        }
        return new Applicable(allows, denies, strongest);
    }

    /**
     * An identity-based or session statement names no principal: it applies to the principal it
     * is attached to. A resource-based statement applies only to the principals it names; one
     * without a Principal element (possible only in a document parsed without a type) names none.
     */
    private static PrincipalMatch principalMatch(PolicySource source, Statement statement, RequestPrincipal principal) {
        PrincipalMatch unnamed = source == PolicySource.RESOURCE_BASED ? PrincipalMatch.NONE : PrincipalMatch.PRINCIPAL;
        return statement.principalMatch(principal).orElse(unnamed);
    }
}
