package dev.bulwark.auth.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What STS recorded about the session temporary credentials belong to: who issued it (the role
 * assumed, or the user or root that asked for a session token), and what the caller passed to
 * narrow or describe it. The authorizer reads the session policies from here; CloudTrail's
 * {@code userIdentity.sessionContext} is made from it.
 *
 * @param issuerType        what issued the session: a role (AssumeRole) or the caller itself
 *                          (GetSessionToken)
 * @param issuerArn         the role's ARN (with its path), or the user's or root's ARN
 * @param issuerId          the role's {@code AROA...} id, the user's {@code AIDA...} id, or the account id
 * @param issuerName        the role's or user's name; empty for root
 * @param sourceAccessKeyId the access key the session was requested with
 * @param policy            the inline session policy (AssumeRole {@code Policy}), as passed
 * @param policyArns        the managed session policies (AssumeRole {@code PolicyArns})
 * @param tags              the session tags
 * @param transitiveTagKeys the session tag keys that pass on to chained sessions
 * @param sourceIdentity    the source identity the caller set
 */
public record SessionContext(
        IssuerType issuerType,
        String issuerArn,
        String issuerId,
        String issuerName,
        String sourceAccessKeyId,
        Instant creationDate,
        Optional<String> policy,
        List<String> policyArns,
        Map<String, String> tags,
        List<String> transitiveTagKeys,
        Optional<String> sourceIdentity) {

    /** CloudTrail's {@code sessionIssuer.type}. */
    public enum IssuerType {
        ROLE("Role"), IAM_USER("IAMUser"), ROOT("Root");

        private final String cloudTrailName;

        IssuerType(String cloudTrailName) {
            this.cloudTrailName = cloudTrailName;
        }

        public String cloudTrailName() {
            return cloudTrailName;
        }
    }

    public SessionContext {
        Objects.requireNonNull(issuerType, "issuerType");
        Objects.requireNonNull(issuerArn, "issuerArn");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(sourceAccessKeyId, "sourceAccessKeyId");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(policy, "policy");
        policyArns = List.copyOf(policyArns);
        tags = Map.copyOf(tags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
    }
}
