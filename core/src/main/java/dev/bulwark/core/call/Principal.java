package dev.bulwark.core.call;

import dev.bulwark.core.AccountId;
import java.util.Objects;

/**
 * Who makes a call, as CloudTrail's {@code userIdentity} names them.
 *
 * @param type         {@code Root}, {@code IAMUser}, {@code AssumedRole}, ...
 * @param account      the account the principal belongs to
 * @param arn          the principal's ARN ({@code arn:aws:iam::111122223333:root})
 * @param principalId  the unique id ({@code AIDA...} for users; the account id for root)
 * @param accessKeyId  the access key the request was signed with
 */
public record Principal(Type type, AccountId account, String arn, String principalId, String accessKeyId) {

    public enum Type {
        ROOT("Root"), IAM_USER("IAMUser"), ASSUMED_ROLE("AssumedRole"), FEDERATED_USER("FederatedUser");

        private final String cloudTrailName;

        Type(String cloudTrailName) {
            this.cloudTrailName = cloudTrailName;
        }

        public String cloudTrailName() {
            return cloudTrailName;
        }
    }

    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
    }

    /** The account root, which every account has and which may do anything in its account. */
    public static Principal root(AccountId account, String accessKeyId) {
        return new Principal(Type.ROOT, account, "arn:aws:iam::" + account + ":root", account.value(), accessKeyId);
    }
}
