package dev.bulwark.auth.policy;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A principal of an AWS account: the account root, an IAM user, a role session or a federated
 * user session.
 *
 * <p>A role session has two ARNs: its own ({@code arn:aws:sts::111122223333:assumed-role/Admin/alice},
 * what CloudTrail shows) and its role's ({@code arn:aws:iam::111122223333:role/ops/Admin}, which
 * is {@code aws:PrincipalArn} and what resource policies usually name). The role's ARN keeps its
 * path, which the session ARN drops, so the session is built from the role's ARN, not parsed
 * back from the session ARN.
 */
public final class AwsPrincipal implements RequestPrincipal {

    /** The kinds, named as {@code aws:PrincipalType} names them. */
    public enum Type {
        ROOT("Account"), IAM_USER("User"), ASSUMED_ROLE("AssumedRole"), FEDERATED_USER("FederatedUser");

        private final String principalTypeKey;

        Type(String principalTypeKey) {
            this.principalTypeKey = principalTypeKey;
        }
    }

    private final Type type;
    private final AccountId account;
    private final String partition;
    private final String arn;
    private final String principalArn;
    private final String userId;
    private final String username;
    private final Map<String, String> tags;

    private AwsPrincipal(Type type, AccountId account, String partition, String arn, String principalArn,
            String userId, String username, Map<String, String> tags) {
        this.type = type;
        this.account = account;
        this.partition = partition;
        this.arn = arn;
        this.principalArn = principalArn;
        this.userId = userId;
        this.username = username;
        this.tags = Map.copyOf(tags);
    }

    /** The root user of an account (in the {@code aws} partition); its user id is the account id, as in AWS. */
    public static AwsPrincipal root(AccountId account) {
        String rootArn = "arn:aws:iam::" + account + ":root";
        return new AwsPrincipal(Type.ROOT, account, "aws", rootArn, rootArn, account.value(), null, Map.of());
    }

    /**
     * An IAM user.
     *
     * @param userArn {@code arn:aws:iam::111122223333:user/path/name}
     * @param userId  the user's unique id ({@code AIDA...}), the value of {@code aws:userid}
     */
    public static AwsPrincipal user(String userArn, String userId) {
        Arn arn = iamArn(userArn, "user/");
        String name = lastPathSegment(arn);
        return new AwsPrincipal(Type.IAM_USER, AccountId.of(arn.account()), arn.partition(), userArn, userArn,
                requireText(userId, "userId"), name, Map.of());
    }

    /**
     * A session of a role.
     *
     * @param roleArn     {@code arn:aws:iam::111122223333:role/path/name}
     * @param roleId      the role's unique id ({@code AROA...})
     * @param sessionName the name given to AssumeRole
     */
    public static AwsPrincipal assumedRole(String roleArn, String roleId, String sessionName) {
        Arn arn = iamArn(roleArn, "role/");
        requireText(sessionName, "sessionName");
        String sessionArn = "arn:" + arn.partition() + ":sts::" + arn.account() + ":assumed-role/"
                + lastPathSegment(arn) + "/" + sessionName;
        return new AwsPrincipal(Type.ASSUMED_ROLE, AccountId.of(arn.account()), arn.partition(), sessionArn, roleArn,
                requireText(roleId, "roleId") + ":" + sessionName, null, Map.of());
    }

    /** A session from GetFederationToken, named by its caller. */
    public static AwsPrincipal federatedUser(AccountId account, String name) {
        requireText(name, "name");
        String federatedArn = "arn:aws:sts::" + account + ":federated-user/" + name;
        return new AwsPrincipal(Type.FEDERATED_USER, account, "aws", federatedArn, federatedArn,
                account + ":" + name, null, Map.of());
    }

    /** This principal with its tags, which conditions read as {@code aws:PrincipalTag/key}. */
    public AwsPrincipal withTags(Map<String, String> principalTags) {
        return new AwsPrincipal(type, account, partition, arn, principalArn, userId, username, principalTags);
    }

    public Type type() {
        return type;
    }

    public AccountId account() {
        return account;
    }

    /** The principal's own ARN: for a role session, the session's. */
    public String arn() {
        return arn;
    }

    /** The value of {@code aws:PrincipalArn}: for a role session, the role's ARN. */
    public String principalArn() {
        return principalArn;
    }

    public String userId() {
        return userId;
    }

    /** The IAM user's name ({@code aws:username}); only IAM users have one. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Map<String, String> tags() {
        return tags;
    }

    boolean isRoot() {
        return type == Type.ROOT;
    }

    /** {@code arn:aws:iam::<account>:root}, the ARN by which policies name the whole account. */
    String accountRootArn() {
        return "arn:" + partition + ":iam::" + account + ":root";
    }

    /**
     * Every name a Principal element could know this principal by: its own ARN, its role's, its
     * account's. A NotPrincipal must list all of them to exempt it, as AWS documents.
     */
    List<String> identities() {
        return List.of(arn, principalArn, accountRootArn()).stream().distinct().toList();
    }

    @Override
    public RequestContext conditionKeys() {
        RequestContext.Builder keys = RequestContext.builder()
                .put(ConditionKeys.PRINCIPAL_ARN, principalArn)
                .put(ConditionKeys.PRINCIPAL_ACCOUNT, account.value())
                .put(ConditionKeys.PRINCIPAL_TYPE, type.principalTypeKey)
                .put(ConditionKeys.PRINCIPAL_IS_AWS_SERVICE, false)
                .put(ConditionKeys.USER_ID, userId);
        if (username != null) {
            keys.put(ConditionKeys.USERNAME, username);
        }
        tags.forEach((key, value) -> keys.put(ConditionKeys.PRINCIPAL_TAG_PREFIX + key, value));
        return keys.build();
    }

    private static Arn iamArn(String text, String resourcePrefix) {
        return Arn.parse(text)
                .filter(parsed -> parsed.service().equals("iam") && parsed.region().isEmpty()
                        && AccountId.isValid(parsed.account()) && parsed.resource().startsWith(resourcePrefix)
                        && !parsed.resource().endsWith("/"))
                .orElseThrow(() -> new IllegalArgumentException("Not an IAM " + resourcePrefix + " ARN: " + text));
    }

    private static String lastPathSegment(Arn arn) {
        return arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An AWS principal needs a " + what);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AwsPrincipal that && type == that.type && arn.equals(that.arn)
                && principalArn.equals(that.principalArn) && userId.equals(that.userId) && tags.equals(that.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, arn, principalArn, userId, tags);
    }

    @Override
    public String toString() {
        return type.principalTypeKey + " " + arn;
    }
}
