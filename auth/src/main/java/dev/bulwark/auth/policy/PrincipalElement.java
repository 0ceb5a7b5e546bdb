package dev.bulwark.auth.policy;

import dev.bulwark.core.AccountId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a Principal or NotPrincipal element: everyone ({@code "*"}), or principals
 * listed by kind ({@code {"AWS": [...], "Service": "..."}}).
 *
 * <p>An {@code "AWS"} entry is {@code "*"}, an account id or the account's root ARN (meaning the
 * account), a user or role ARN, an assumed-role session ARN or a federated user ARN. A role ARN
 * names every session of the role. {@code "CanonicalUser"} entries (S3's account identifiers) are
 * accepted but name no principal Bulwark knows.
 */
public final class PrincipalElement {

    /** The kinds of principal, with the key a policy writes them under. */
    public enum Kind {
        AWS("AWS"), SERVICE("Service"), FEDERATED("Federated"), CANONICAL_USER("CanonicalUser");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private static final PrincipalElement EVERYONE = new PrincipalElement(true, Map.of());

    private final boolean everyone;
    private final Map<Kind, List<String>> principals;

    private PrincipalElement(boolean everyone, Map<Kind, List<String>> principals) {
        this.everyone = everyone;
        this.principals = principals;
    }

    static PrincipalElement everyone() {
        return EVERYONE;
    }

    static PrincipalElement of(Map<Kind, List<String>> principals) {
        Map<Kind, List<String>> copy = new EnumMap<>(Kind.class);
        principals.forEach((kind, values) -> copy.put(kind, List.copyOf(values)));
        return new PrincipalElement(false, copy);
    }

    /** True for {@code "Principal": "*"}. */
    public boolean isEveryone() {
        return everyone;
    }

    public List<String> values(Kind kind) {
        return principals.getOrDefault(kind, List.of());
    }

    /** How a Principal element names the principal; {@link PrincipalMatch#NONE} if it does not. */
    PrincipalMatch match(RequestPrincipal principal) {
        if (everyone || values(Kind.AWS).contains("*")) {
            return PrincipalMatch.PRINCIPAL;
        }
        return switch (principal) {
            case AwsPrincipal aws -> values(Kind.AWS).stream()
                    .map(value -> match(value, aws))
                    .reduce(PrincipalMatch.NONE, PrincipalMatch::strongest);
            case ServicePrincipal service -> containsIgnoringCase(values(Kind.SERVICE), service.name())
                    ? PrincipalMatch.PRINCIPAL : PrincipalMatch.NONE;
            case FederatedPrincipal federated -> values(Kind.FEDERATED).contains(federated.provider())
                    ? PrincipalMatch.PRINCIPAL : PrincipalMatch.NONE;
        };
    }

    private static PrincipalMatch match(String value, AwsPrincipal principal) {
        if (namesAccount(value, principal)) {
            return principal.isRoot() ? PrincipalMatch.PRINCIPAL : PrincipalMatch.ACCOUNT;
        }
        if (value.equals(principal.arn())) {
            return principal.type() == AwsPrincipal.Type.ASSUMED_ROLE
                    || principal.type() == AwsPrincipal.Type.FEDERATED_USER
                    ? PrincipalMatch.SESSION : PrincipalMatch.PRINCIPAL;
        }
        return value.equals(principal.principalArn()) ? PrincipalMatch.PRINCIPAL : PrincipalMatch.NONE;
    }

    /**
     * Whether a NotPrincipal element exempts every name the principal goes by (for an
     * assumed-role session: the session ARN, the role ARN and the account), which is what AWS
     * requires for a NotPrincipal to leave a principal out of a Deny.
     */
    boolean namesAllIdentitiesOf(RequestPrincipal principal) {
        return identities(principal).stream().allMatch(identity -> names(identity, principal));
    }

    /** Whether a NotPrincipal element names the principal by any of its names. */
    boolean namesAnyIdentityOf(RequestPrincipal principal) {
        return identities(principal).stream().anyMatch(identity -> names(identity, principal));
    }

    private static List<String> identities(RequestPrincipal principal) {
        return switch (principal) {
            case AwsPrincipal aws -> aws.identities();
            case ServicePrincipal service -> List.of(service.name());
            case FederatedPrincipal federated -> List.of(federated.provider());
        };
    }

    private boolean names(String identity, RequestPrincipal principal) {
        if (everyone || values(Kind.AWS).contains("*")) {
            return true;
        }
        return switch (principal) {
            case AwsPrincipal aws -> values(Kind.AWS).stream().anyMatch(value -> value.equals(identity)
                    || identity.equals(aws.accountRootArn()) && namesAccount(value, aws));
            case ServicePrincipal service -> containsIgnoringCase(values(Kind.SERVICE), identity);
            case FederatedPrincipal federated -> values(Kind.FEDERATED).contains(identity);
        };
    }

    private static boolean namesAccount(String value, AwsPrincipal principal) {
        return AccountId.isValid(value) ? value.equals(principal.account().value())
                : value.equals(principal.accountRootArn());
    }

    private static boolean containsIgnoringCase(Collection<String> values, String wanted) {
        return values.stream().anyMatch(wanted::equalsIgnoreCase);
    }

    @Override
    public String toString() {
        return everyone ? "\"*\"" : principals.toString();
    }
}
