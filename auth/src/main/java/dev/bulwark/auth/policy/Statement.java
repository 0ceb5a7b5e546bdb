package dev.bulwark.auth.policy;

import java.util.List;
import java.util.Optional;

/**
 * One statement of a policy: an effect, the actions (or NotActions), the resources (or
 * NotResources), for a resource-based policy the principals (or NotPrincipals), and conditions.
 *
 * <p>A statement applies to a request when its action and resource elements match, its principal
 * element (if any) names the requester, and all its conditions hold. Actions match
 * case-insensitively with {@code *} and {@code ?}; resources match as ARNs
 * ({@link ArnMatcher}), after policy variables are substituted.
 */
public final class Statement {
    private final String sid;
    private final Effect effect;
    private final List<String> actions;
    private final boolean notAction;
    private final List<String> resources;
    private final boolean notResource;
    private final PrincipalElement principal;
    private final boolean notPrincipal;
    private final List<Condition> conditions;
    private final List<Glob> actionPatterns;
    private final List<PolicyString> resourcePatterns;

    Statement(String sid, Effect effect, List<String> actions, boolean notAction, List<String> resources,
            boolean notResource, PrincipalElement principal, boolean notPrincipal, List<Condition> conditions,
            boolean variablesEnabled) {
        this.sid = sid;
        this.effect = effect;
        this.actions = List.copyOf(actions);
        this.notAction = notAction;
        this.resources = resources == null ? null : List.copyOf(resources);
        this.notResource = notResource;
        this.principal = principal;
        this.notPrincipal = notPrincipal;
        this.conditions = List.copyOf(conditions);
        this.actionPatterns = this.actions.stream().map(Glob::of).toList();
        this.resourcePatterns = resources == null ? List.of()
                : this.resources.stream().map(r -> PolicyString.parse(r, variablesEnabled)).toList();
    }

    public Optional<String> sid() {
        return Optional.ofNullable(sid);
    }

    public Effect effect() {
        return effect;
    }

    /** The Action entries, or empty if the statement uses NotAction. */
    public List<String> actions() {
        return notAction ? List.of() : actions;
    }

    public List<String> notActions() {
        return notAction ? actions : List.of();
    }

    /** The Resource entries; empty if the statement uses NotResource or, as trust policies do, neither. */
    public List<String> resources() {
        return resources == null || notResource ? List.of() : resources;
    }

    public List<String> notResources() {
        return resources != null && notResource ? resources : List.of();
    }

    public Optional<PrincipalElement> principal() {
        return notPrincipal ? Optional.empty() : Optional.ofNullable(principal);
    }

    public Optional<PrincipalElement> notPrincipal() {
        return notPrincipal ? Optional.ofNullable(principal) : Optional.empty();
    }

    public List<Condition> conditions() {
        return conditions;
    }

    /** Whether the Action (or NotAction) element covers the action, {@code kms:Decrypt}. */
    public boolean matchesAction(String action) {
        boolean listed = actionPatterns.stream().anyMatch(pattern -> pattern.matches(action, true));
        return listed != notAction;
    }

    /** A statement without a Resource element (a trust policy's) applies to the resource it is attached to. */
    boolean matchesResource(String resource, RequestContext context) {
        if (resources == null) {
            return true;
        }
        boolean listed = resourcePatterns.stream().anyMatch(pattern ->
                pattern.toPattern(context).map(p -> ArnMatcher.matches(p, resource)).orElse(false));
        return listed != notResource;
    }

    /**
     * How the statement's Principal or NotPrincipal element names the requester, or empty if the
     * statement has neither (as identity-based statements do).
     *
     * <p>A NotPrincipal applies to everyone it does not exempt. AWS exempts a principal from a
     * Deny only if the element lists every name it goes by (see
     * {@link PrincipalElement#namesAllIdentitiesOf}); for an Allow, Bulwark takes the stricter
     * reading and exempts a principal named by any of its names.
     */
    Optional<PrincipalMatch> principalMatch(RequestPrincipal requester) {
        if (principal == null) {
            return Optional.empty();
        }
        if (!notPrincipal) {
            return Optional.of(principal.match(requester));
        }
        boolean exempt = effect == Effect.DENY ? principal.namesAllIdentitiesOf(requester)
                : principal.namesAnyIdentityOf(requester);
        return Optional.of(exempt ? PrincipalMatch.NONE : PrincipalMatch.PRINCIPAL);
    }

    boolean conditionsHold(RequestContext context) {
        for (Condition condition : conditions) {
            if (!condition.holds(context)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Statement[" + (sid == null ? "" : "Sid=" + sid + ", ") + effect.awsName()
                + (notAction ? ", NotAction=" : ", Action=") + actions
                + (resources == null ? "" : (notResource ? ", NotResource=" : ", Resource=") + resources)
                + (principal == null ? "" : (notPrincipal ? ", NotPrincipal=" : ", Principal=") + principal)
                + (conditions.isEmpty() ? "" : ", Condition=" + conditions) + "]";
    }
}
