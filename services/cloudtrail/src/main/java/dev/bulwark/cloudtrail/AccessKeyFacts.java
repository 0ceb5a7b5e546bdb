package dev.bulwark.cloudtrail;

import dev.bulwark.core.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the audit trail learns about the access key a call named, beyond the call record: the
 * account that owns it (a call whose authentication failed has no principal, and its event goes
 * to the key's account when the key exists) and, for temporary credentials, the session they
 * belong to (CloudTrail's {@code sessionContext}: who issued the session and when).
 */
@FunctionalInterface
public interface AccessKeyFacts {

    /** What is known about the key; empty if no such key exists. */
    Optional<Key> describe(String accessKeyId);

    /** Knows no keys: failed authentications go to the default account, sessions show what their ARN says. */
    AccessKeyFacts NONE = accessKeyId -> Optional.empty();

    /**
     * @param owner   the account the key belongs to
     * @param session the session of temporary credentials; empty for long-term keys
     */
    record Key(AccountId owner, Optional<Session> session) {
        public Key {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The session temporary credentials belong to, as CloudTrail's {@code sessionIssuer} and
     * {@code attributes.creationDate} describe it.
     *
     * @param issuerType   {@code Role} for AssumeRole; {@code IAMUser} or {@code Root} for GetSessionToken
     * @param issuerArn    the role's ARN, with its path, or the user's or root's
     * @param issuerId     the role's {@code AROA...} id, the user's {@code AIDA...} id, or the account id
     * @param issuerName   the role's or user's name; empty for root
     * @param creationDate when the session was issued
     */
    record Session(String issuerType, String issuerArn, String issuerId, String issuerName, Instant creationDate) {
        public Session {
            Objects.requireNonNull(issuerType, "issuerType");
            Objects.requireNonNull(issuerArn, "issuerArn");
            Objects.requireNonNull(issuerId, "issuerId");
            Objects.requireNonNull(issuerName, "issuerName");
            Objects.requireNonNull(creationDate, "creationDate");
        }
    }
}
