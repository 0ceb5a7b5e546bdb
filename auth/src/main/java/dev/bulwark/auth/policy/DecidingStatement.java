package dev.bulwark.auth.policy;

/** A statement that took part in a decision, and the policy it belongs to. */
public record DecidingStatement(PolicySource source, String policyName, Statement statement) {
}
