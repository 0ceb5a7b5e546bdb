package dev.bulwark.secretsmanager.internal.metadata;

import dev.bulwark.auth.policy.Condition;
import dev.bulwark.auth.policy.Effect;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PrincipalElement;
import dev.bulwark.auth.policy.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a resource policy grants broad access to a secret, the test behind BlockPublicPolicy and
 * ValidateResourcePolicy. AWS asks an automated reasoning engine; Bulwark applies the rule AWS
 * documents for it: a policy is public if a statement allows a wildcard principal
 * ({@code "*"}, {@code {"AWS": "*"}}, or any principal through NotPrincipal) without a condition
 * that pins the caller down to known accounts, principals, organizations, sources or networks
 * (a positive operator on such a key with no wildcard in its values).
 */
public final class PublicAccess {
    private static final Set<String> PINNING_KEYS = Set.of(
            "aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:principalorgpaths", "aws:userid",
            "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip",
            "aws:calledvia", "aws:resourceaccount");

    private PublicAccess() {
    }

    public static boolean isPublic(PolicyDocument policy) {
        return policy.statements().stream().anyMatch(PublicAccess::grantsBroadAccess);
    }

    private static boolean grantsBroadAccess(Statement statement) {
        if (statement.effect() != Effect.ALLOW) {
            return false;
        }
        boolean wildcard = statement.notPrincipal().isPresent()
                || statement.principal().map(PublicAccess::isWildcard).orElse(false);
        return wildcard && statement.conditions().stream().noneMatch(PublicAccess::pinsCaller);
    }

    private static boolean isWildcard(PrincipalElement principal) {
        return principal.isEveryone() || principal.values(PrincipalElement.Kind.AWS).contains("*");
    }

    private static boolean pinsCaller(Condition condition) {
        String operator = condition.operator();
        boolean negated = operator.contains("Not") || operator.startsWith("ForAllValues:") || operator.endsWith("IfExists")
                || operator.equals("Null");
        return !negated && PINNING_KEYS.contains(condition.key().toLowerCase(Locale.ROOT))
                && condition.values().stream().noneMatch(value -> value.contains("*") || value.contains("?"));
    }
}
