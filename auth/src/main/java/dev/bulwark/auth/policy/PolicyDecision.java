package dev.bulwark.auth.policy;

import dev.bulwark.core.call.Authorizer;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of an evaluation, with its reason in the words of AWS's AccessDeniedException
 * ({@code User: <arn> is not authorized to perform: <action> on resource: <arn> <reason>}).
 *
 * @param statements for an allow, the allow statements that granted it; for an explicit deny,
 *                   the deny statements that applied; for an implicit deny, none
 */
public record PolicyDecision(Outcome outcome, String reason, List<DecidingStatement> statements) {

    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    public PolicyDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        statements = List.copyOf(statements);
    }

    static PolicyDecision allow(List<DecidingStatement> statements) {
        return new PolicyDecision(Outcome.ALLOW, "", statements);
    }

    static PolicyDecision explicitDeny(List<DecidingStatement> statements) {
        String reason = statements.getFirst().source().explicitDenyReason();
        return new PolicyDecision(Outcome.EXPLICIT_DENY, reason, statements);
    }

    static PolicyDecision implicitDeny(PolicySource missingAllow, String action) {
        return new PolicyDecision(Outcome.IMPLICIT_DENY, missingAllow.noAllowReason(action), List.of());
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /** The decision as the {@link Authorizer} contract states it. */
    public Authorizer.Decision toAuthorizerDecision() {
        return allowed() ? Authorizer.Decision.ALLOW : Authorizer.Decision.deny(reason);
    }
}
