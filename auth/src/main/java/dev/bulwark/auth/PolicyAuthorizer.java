package dev.bulwark.auth;

import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.AwsPrincipal;
import dev.bulwark.auth.policy.ConditionKeys;
import dev.bulwark.auth.policy.EvaluationRequest;
import dev.bulwark.auth.policy.MalformedPolicyException;
import dev.bulwark.auth.policy.PolicyDecision;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PolicyEvaluator;
import dev.bulwark.auth.policy.RequestContext;
import dev.bulwark.auth.policy.ResourcePolicy;
import dev.bulwark.core.call.AuthorizationRequest;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.call.ResourceAccess;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorizer every service's calls go through: AWS's policy evaluation over the caller's
 * identity-based policies (from {@link IdentityPolicySource}), the resource's own policy and
 * grants (from the service, in {@link ResourceAccess}) and the request's condition keys.
 *
 * <p>The request context holds the global keys AWS sets on every request
 * ({@code aws:SourceIp}, {@code aws:CurrentTime}, {@code aws:EpochTime},
 * {@code aws:SecureTransport}, {@code aws:RequestedRegion}, {@code aws:UserAgent},
 * {@code aws:MultiFactorAuthPresent} = false) and the service's keys; the principal's own keys
 * ({@code aws:PrincipalArn}, {@code aws:userid}, ...) are derived by the engine and cannot be
 * forged through the service's keys.
 *
 * <p>A grant allows what no policy allows, but never what a policy explicitly denies.
 * Resource policies were validated when they were stored; they are parsed once and cached by
 * their text. One that cannot be parsed denies every call on its resource.
 */
public final class PolicyAuthorizer implements Authorizer {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyAuthorizer.class);
    private static final int PARSED_POLICY_CACHE_SIZE = 1024;

    private final IdentityPolicySource identities;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private final Map<String, Optional<PolicyDocument>> parsedResourcePolicies = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<PolicyDocument>> eldest) {
                    return size() > PARSED_POLICY_CACHE_SIZE;
                }
            });

    public PolicyAuthorizer(IdentityPolicySource identities) {
        this.identities = identities;
    }

    @Override
    public Decision decide(Caller caller, AuthorizationRequest request) {
        Principal principal = request.principal();
        EvaluationRequest.Builder evaluation = EvaluationRequest.builder()
                .action(request.action())
                .resource(request.resourceArn())
                .context(requestContext(caller, request.conditionKeys()));
        if (principal.type() == Principal.Type.ROOT) {
            evaluation.principal(AwsPrincipal.root(principal.account()));
        } else {
            IdentityPolicySource.PrincipalPolicies policies = identities.policiesOf(principal);
            evaluation.principal(policies.principal())
                    .identityPolicies(policies.identityPolicies())
                    .sessionPolicies(policies.sessionPolicies());
        }
        ResourceAccess access = request.resourceAccess();
        if (access.policy().isPresent()) {
            Optional<PolicyDocument> document = parsedResourcePolicies.computeIfAbsent(
                    access.policy().get(), PolicyAuthorizer::parseStored);
            if (document.isEmpty()) {
                return Decision.deny("because the resource-based policy cannot be read");
            }
            AttachedPolicy policy = new AttachedPolicy("resource policy", document.get());
            evaluation.resourcePolicy(access.policyMustAllow() ? ResourcePolicy.mustAllow(policy) : ResourcePolicy.of(policy));
        }

        PolicyDecision decision = evaluator.evaluate(evaluation.build());
        if (decision.outcome() == PolicyDecision.Outcome.IMPLICIT_DENY && access.grantAllows()) {
            return Decision.ALLOW;
        }
        return decision.toAuthorizerDecision();
    }

    /**
     * The request context of a call: the global keys of the caller's request and the service's
     * condition keys. Public for services that evaluate a policy themselves (KMS's key policy
     * lockout check), so that they see the same context as every authorization.
     */
    public static RequestContext requestContext(Caller caller, Map<String, List<String>> serviceKeys) {
        RequestContext.Builder context = RequestContext.builder()
                .requestTime(caller.requestTime())
                .put(ConditionKeys.SECURE_TRANSPORT, caller.secureTransport())
                .put(ConditionKeys.MULTI_FACTOR_AUTH_PRESENT, false)
                .put(ConditionKeys.REQUESTED_REGION, caller.region().name());
        List<String> calledVia = caller.calledVia();
        if (calledVia.isEmpty()) {
            context.put(ConditionKeys.VIA_AWS_SERVICE, false);
            if (!caller.sourceIp().isEmpty()) {
                context.put(ConditionKeys.SOURCE_IP, caller.sourceIp());
            }
        } else {
            // A call a service makes for its caller (Parameter Store decrypting through KMS) carries
            // the services it came through, and no client address of its own, as in AWS.
            context.put(ConditionKeys.CALLED_VIA, calledVia)
                    .put(ConditionKeys.CALLED_VIA_FIRST, calledVia.get(0))
                    .put(ConditionKeys.CALLED_VIA_LAST, calledVia.get(calledVia.size() - 1))
                    .put(ConditionKeys.VIA_AWS_SERVICE, true);
        }
        if (!caller.userAgent().isEmpty()) {
            context.put(ConditionKeys.USER_AGENT, caller.userAgent());
        }
        serviceKeys.forEach(context::put);
        return context.build();
    }

    /**
     * A stored policy that no longer parses cannot allow anything: the call is denied (fail closed).
     * Parsed by the shared grammar only: it was validated for its use (a key policy, a role's trust
     * policy, which has no Resource) when it was stored.
     */
    private static Optional<PolicyDocument> parseStored(String text) {
        try {
            return Optional.of(PolicyDocument.parse(text));
        } catch (MalformedPolicyException e) {
            LOG.warn("A stored resource policy does not parse; calls on its resource are denied: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
