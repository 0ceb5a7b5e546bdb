package dev.bulwark.iam.internal;

import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.AwsPrincipal;
import dev.bulwark.auth.policy.Condition;
import dev.bulwark.auth.policy.DecidingStatement;
import dev.bulwark.auth.policy.EvaluationRequest;
import dev.bulwark.auth.policy.PolicyDecision;
import dev.bulwark.auth.policy.PolicyEvaluator;
import dev.bulwark.auth.policy.RequestContext;
import dev.bulwark.auth.policy.ResourcePolicy;
import dev.bulwark.core.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryDecisionDetail;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;

/**
 * One run of the policy simulator: every action on every resource, each decided by the
 * {@link PolicyEvaluator} exactly as a real request would be, and described as IAM's
 * {@code EvaluationResult}.
 *
 * <ul>
 *   <li>One result per action and resource, in the order given (actions first), with one
 *       {@code ResourceSpecificResults} entry for its resource; {@code MaxItems} and
 *       {@code Marker} page through them.
 *   <li>{@code MatchedStatements} are the statements that decided: the allows for an allow, the
 *       denies for an explicit deny, none for an implicit deny. Each names its policy as IAM
 *       does ({@code PolicyInputList.1}, an inline policy's name, a managed policy's name,
 *       {@code ResourcePolicy}) with its type. Statement positions in the document are not
 *       known to the parser and are omitted.
 *   <li>{@code MissingContextValues} are the condition keys of the statements that apply to
 *       the action which neither the context entries nor the principal supply.
 *   <li>A permissions boundary is evaluated as a second set of identity-based policies that
 *       must also allow: an explicit deny in it denies, no allow in it denies implicitly. AWS
 *       exempts allows of a resource policy naming the user itself from the boundary; this
 *       simulation does not.
 * </ul>
 * {@code aws:CurrentTime} and {@code aws:EpochTime} are the time of the simulation unless a
 * context entry gives them.
 */
final class Simulation {
    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();
    private static final String RESOURCE_POLICY = "ResourcePolicy";

    private final AwsPrincipal principal;
    private final List<AttachedPolicy> policies;
    private final List<AttachedPolicy> boundaries;
    private final List<String> actions;
    private final List<String> resources;
    private final Optional<AttachedPolicy> resourcePolicy;
    private final Optional<AccountId> resourceOwner;
    private final RequestContext context;

    /** One page of results. */
    record Result(List<EvaluationResult> results, boolean truncated, Optional<String> marker) {
    }

    Simulation(AwsPrincipal principal, List<AttachedPolicy> policies, List<AttachedPolicy> boundaries,
            List<String> actions, List<String> resources, Optional<AttachedPolicy> resourcePolicy,
            Optional<AccountId> resourceOwner, RequestContext context, Instant now) {
        this.principal = principal;
        this.policies = List.copyOf(policies);
        this.boundaries = List.copyOf(boundaries);
        this.actions = List.copyOf(actions);
        this.resources = List.copyOf(resources);
        this.resourcePolicy = resourcePolicy;
        this.resourceOwner = resourceOwner;
        this.context = withTime(context, now);
    }

    Result run(String marker, Integer maxItems) {
        Paging paging = Paging.of(marker, maxItems);
        List<String> keys = new ArrayList<>();
        for (int a = 0; a < actions.size(); a++) {
            for (int r = 0; r < resources.size(); r++) {
                keys.add("%08d/%08d".formatted(a, r));
            }
        }
        Paging.Result<String> page = paging.page(keys, key -> key);
        List<EvaluationResult> results = page.items().stream().map(key -> {
            String[] indexes = key.split("/");
            return evaluate(actions.get(Integer.parseInt(indexes[0])), resources.get(Integer.parseInt(indexes[1])));
        }).toList();
        return new Result(results, page.truncated(), page.marker());
    }

    private EvaluationResult evaluate(String action, String resource) {
        PolicyDecision decision = EVALUATOR.evaluate(request(action, resource, policies, resourcePolicy));
        Optional<Boolean> allowedByBoundary = Optional.empty();
        if (!boundaries.isEmpty()) {
            PolicyDecision boundary = EVALUATOR.evaluate(request(action, resource, boundaries, Optional.empty()));
            allowedByBoundary = Optional.of(boundary.allowed());
            if (decision.outcome() != PolicyDecision.Outcome.EXPLICIT_DENY && !boundary.allowed()) {
                decision = boundary;
            }
        }
        PolicyEvaluationDecisionType outcome = switch (decision.outcome()) {
            case ALLOW -> PolicyEvaluationDecisionType.ALLOWED;
            case EXPLICIT_DENY -> PolicyEvaluationDecisionType.EXPLICIT_DENY;
            case IMPLICIT_DENY -> PolicyEvaluationDecisionType.IMPLICIT_DENY;
        };
        List<software.amazon.awssdk.services.iam.model.Statement> matched =
                decision.statements().stream().map(Simulation::matchedStatement).toList();
        List<String> missing = missingContextValues(action);
        PermissionsBoundaryDecisionDetail boundaryDetail = allowedByBoundary
                .map(allowed -> PermissionsBoundaryDecisionDetail.builder().allowedByPermissionsBoundary(allowed)
                        .build())
                .orElse(null);
        return EvaluationResult.builder()
                .evalActionName(action).evalResourceName(resource).evalDecision(outcome)
                .matchedStatements(matched).missingContextValues(missing)
                .permissionsBoundaryDecisionDetail(boundaryDetail)
                .resourceSpecificResults(ResourceSpecificResult.builder()
                        .evalResourceName(resource).evalResourceDecision(outcome)
                        .matchedStatements(matched).missingContextValues(missing)
                        .permissionsBoundaryDecisionDetail(boundaryDetail).build())
                .build();
    }

    private EvaluationRequest request(String action, String resource, List<AttachedPolicy> identity,
            Optional<AttachedPolicy> resourceSide) {
        EvaluationRequest.Builder request = EvaluationRequest.builder().principal(principal).action(action)
                .resource(resource).context(context).identityPolicies(identity);
        // A KMS key policy is the primary authority over its key, as the authorizer treats it.
        resourceSide.ifPresent(policy -> request.resourcePolicy(action.startsWith("kms:")
                ? ResourcePolicy.mustAllow(policy) : ResourcePolicy.of(policy)));
        resourceOwner.ifPresent(request::resourceAccount);
        return request.build();
    }

    /** Condition keys that statements for this action read and that no one supplied. */
    private List<String> missingContextValues(String action) {
        RequestContext known = principal.conditionKeys();
        Set<String> missing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Stream.of(policies.stream(), boundaries.stream(), resourcePolicy.stream()).flatMap(s -> s)
                .flatMap(policy -> policy.document().statements().stream())
                .filter(statement -> statement.matchesAction(action))
                .flatMap(statement -> statement.conditions().stream())
                .map(Condition::key)
                .filter(key -> context.get(key).isEmpty() && known.get(key).isEmpty())
                .forEach(missing::add);
        return List.copyOf(missing);
    }

    private static software.amazon.awssdk.services.iam.model.Statement matchedStatement(DecidingStatement deciding) {
        String name = deciding.policyName();
        String id;
        PolicySourceType type;
        if (name.startsWith("PolicyInputList.") || name.startsWith("PermissionsBoundaryPolicyInputList.")) {
            id = name;
            type = PolicySourceType.NONE;
        } else if (name.equals(RESOURCE_POLICY)) {
            id = name;
            type = PolicySourceType.RESOURCE;
        } else if (name.startsWith("arn:")) {
            // A managed policy, named by its ARN where it is attached: arn:aws:iam::111122223333:policy/path/Name.
            id = name.substring(name.lastIndexOf('/') + 1);
            type = name.startsWith("arn:aws:iam::aws:") ? PolicySourceType.AWS_MANAGED : PolicySourceType.USER_MANAGED;
        } else {
            // An inline policy, named kind/entity/policy where it is attached.
            String[] parts = name.split("/", 3);
            id = parts[2];
            type = PolicySourceType.fromValue(parts[0]);
        }
        return software.amazon.awssdk.services.iam.model.Statement.builder()
                .sourcePolicyId(id).sourcePolicyType(type).build();
    }

    private static RequestContext withTime(RequestContext given, Instant now) {
        RequestContext.Builder context = RequestContext.builder();
        given.asMap().forEach(context::put);
        if (given.get("aws:CurrentTime").isEmpty() && given.get("aws:EpochTime").isEmpty()) {
            context.requestTime(now);
        }
        return context.build();
    }
}
