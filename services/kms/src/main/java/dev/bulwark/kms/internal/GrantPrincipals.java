package dev.bulwark.kms.internal;

import dev.bulwark.core.Arn;
import dev.bulwark.core.call.Principal;
import java.util.Optional;

/**
 * Whether a principal named in a grant (its grantee or its retiring principal) is the caller.
 * Grants name principals by ARN, and a caller answers to:
 * <ul>
 *   <li>its own ARN: an IAM user, the account root, a federated user, a role session
 *       ({@code arn:aws:sts::111122223333:assumed-role/Admin/alice});</li>
 *   <li>for a role session, also its role's ARN ({@code arn:aws:iam::111122223333:role/ops/Admin}):
 *       a grant to a role is a grant to every session of it. A session's ARN drops the role's path,
 *       but role names are unique within an account whatever their path, so account and name
 *       identify the role.</li>
 * </ul>
 * A grant to an account's root names the root only. AWS lets the account delegate such a grant to
 * its users and roles through their IAM policies; a grant reaches the authorizer as an allow of its
 * own, which cannot carry that condition, so Bulwark does not extend it (the safe side).
 */
public final class GrantPrincipals {
    private static final String ASSUMED_ROLE = "assumed-role/";
    private static final String ROLE = "role/";

    private GrantPrincipals() {
    }

    public static boolean names(String grantPrincipal, Principal caller) {
        if (grantPrincipal == null) {
            return false;
        }
        if (grantPrincipal.equals(caller.arn())) {
            return true;
        }
        return caller.type() == Principal.Type.ASSUMED_ROLE && sessionRole(caller.arn())
                .flatMap(role -> Arn.parse(grantPrincipal).map(named -> isRole(named, role)))
                .orElse(false);
    }

    /** The role of a session ARN, as an ARN whose resource is {@code role/<name>} (its path unknown). */
    private static Optional<Arn> sessionRole(String sessionArn) {
        return Arn.parse(sessionArn)
                .filter(arn -> arn.service().equals("sts") && arn.resource().startsWith(ASSUMED_ROLE))
                .map(arn -> {
                    String roleAndSession = arn.resource().substring(ASSUMED_ROLE.length());
                    int slash = roleAndSession.indexOf('/');
                    String roleName = slash < 0 ? roleAndSession : roleAndSession.substring(0, slash);
                    return new Arn(arn.partition(), "iam", "", arn.account(), ROLE + roleName);
                });
    }

    private static boolean isRole(Arn named, Arn role) {
        return named.service().equals("iam") && named.partition().equals(role.partition())
                && named.account().equals(role.account()) && named.resource().startsWith(ROLE)
                && lastSegment(named.resource()).equals(lastSegment(role.resource()));
    }

    private static String lastSegment(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
