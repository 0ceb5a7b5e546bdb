package dev.bulwark.cloudtrail.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.cloudtrail.AccessKeyFacts;
import dev.bulwark.core.Arn;
import dev.bulwark.core.call.Principal;
import java.util.Optional;

/**
 * CloudTrail's {@code userIdentity} element, from what authentication established.
 *
 * <p>Root and IAM users are named as AWS names them ({@code userName} for IAM users). Sessions
 * (assumed roles, federated users, and any caller signing with temporary {@code ASIA} keys)
 * carry a {@code sessionContext}: its {@code sessionIssuer} is the role that was assumed (empty
 * for a GetSessionToken session, as AWS writes it), its attributes the session's
 * {@code creationDate} and {@code mfaAuthenticated: "false"} (Bulwark has no MFA). Both come
 * from the session STS recorded; if it is not known, the role is read from the assumed-role ARN
 * (without the role's path) and the creation date is left out.
 *
 * <p>When authentication failed there is no principal; the element then holds what is known:
 * the access key id and the account that owns it.
 */
final class UserIdentities {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TEMPORARY_KEY_PREFIX = "ASIA";
    private static final String ROLE = "Role";

    private UserIdentities() {
    }

    static ObjectNode of(Optional<Principal> principal, Optional<String> accessKeyId, Optional<AccessKeyFacts.Key> key) {
        return principal.map(p -> ofPrincipal(p, key.flatMap(AccessKeyFacts.Key::session)))
                .orElseGet(() -> unauthenticated(accessKeyId, key));
    }

    /** Whether the principal signs with session credentials, whose events describe the session. */
    static boolean isSession(Principal principal) {
        return principal.type() == Principal.Type.ASSUMED_ROLE
                || principal.type() == Principal.Type.FEDERATED_USER
                || principal.accessKeyId().startsWith(TEMPORARY_KEY_PREFIX);
    }

    /**
     * The name LookupEvents files an event under: {@code root}, the IAM user's name, or the
     * session name of an assumed role or federated user.
     */
    static Optional<String> username(ObjectNode userIdentity) {
        String type = userIdentity.path("type").asText("");
        return switch (type) {
            case "Root" -> Optional.of("root");
            case "IAMUser" -> Optional.ofNullable(userIdentity.path("userName").textValue());
            case "AssumedRole", "FederatedUser" -> Optional.ofNullable(userIdentity.path("arn").textValue())
                    .map(UserIdentities::lastPathSegment);
            default -> Optional.empty();
        };
    }

    private static ObjectNode ofPrincipal(Principal principal, Optional<AccessKeyFacts.Session> session) {
        ObjectNode identity = NODES.objectNode();
        identity.put("type", principal.type().cloudTrailName());
        identity.put("principalId", principal.principalId());
        identity.put("arn", principal.arn());
        identity.put("accountId", principal.account().value());
        if (!principal.accessKeyId().isEmpty()) {
            identity.put("accessKeyId", principal.accessKeyId());
        }
        if (principal.type() == Principal.Type.IAM_USER) {
            identity.put("userName", lastPathSegment(principal.arn()));
        }
        if (isSession(principal)) {
            identity.set("sessionContext", sessionContext(principal, session));
        }
        return identity;
    }

    private static ObjectNode sessionContext(Principal principal, Optional<AccessKeyFacts.Session> session) {
        ObjectNode context = NODES.objectNode();
        ObjectNode issuer = session.map(s -> issuer(principal, s))
                .or(() -> principal.type() == Principal.Type.ASSUMED_ROLE ? roleOf(principal) : Optional.empty())
                .orElseGet(NODES::objectNode);
        context.set("sessionIssuer", issuer);
        context.set("webIdFederationData", NODES.objectNode());
        ObjectNode attributes = context.putObject("attributes");
        session.ifPresent(s -> attributes.put("creationDate", EventRecords.eventTime(s.creationDate())));
        attributes.put("mfaAuthenticated", "false");
        return context;
    }

    /** AWS names the issuer of a role session; a GetSessionToken session has an empty issuer. */
    private static ObjectNode issuer(Principal principal, AccessKeyFacts.Session session) {
        ObjectNode issuer = NODES.objectNode();
        if (ROLE.equals(session.issuerType())) {
            issuer.put("type", ROLE);
            issuer.put("principalId", session.issuerId());
            issuer.put("arn", session.issuerArn());
            issuer.put("accountId", principal.account().value());
            issuer.put("userName", session.issuerName());
        }
        return issuer;
    }

    /** {@code arn:aws:sts::111122223333:assumed-role/Admin/session} was issued by role {@code Admin}. */
    private static Optional<ObjectNode> roleOf(Principal session) {
        return Arn.parse(session.arn())
                .filter(arn -> arn.resource().startsWith("assumed-role/"))
                .map(arn -> {
                    String roleName = arn.resource().split("/", 3)[1];
                    int colon = session.principalId().indexOf(':');
                    ObjectNode issuer = NODES.objectNode();
                    issuer.put("type", ROLE);
                    issuer.put("principalId", colon < 0 ? session.principalId() : session.principalId().substring(0, colon));
                    issuer.put("arn", Arn.global(session.account(), "iam", "role/" + roleName).toString());
                    issuer.put("accountId", session.account().value());
                    issuer.put("userName", roleName);
                    return issuer;
                });
    }

    private static ObjectNode unauthenticated(Optional<String> accessKeyId, Optional<AccessKeyFacts.Key> key) {
        ObjectNode identity = NODES.objectNode();
        key.ifPresent(k -> identity.put("accountId", k.owner().value()));
        accessKeyId.filter(id -> !id.isEmpty()).ifPresent(id -> identity.put("accessKeyId", id));
        return identity;
    }

    private static String lastPathSegment(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
