package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import java.time.Clock;
import java.util.UUID;

/**
 * The identity Secrets Manager acts as when it works on its own schedule rather than in a call
 * (rotations started by their schedule, the built-in rotators, replicas kept in sync after a
 * rotation): the secret's account, as AWS's managed rotation acts for the account that owns the
 * secret. Its calls are still authorized, so a key policy that denies the account denies the
 * service too.
 */
public final class ServiceCallers {
    public static final String USER_AGENT = "secretsmanager.amazonaws.com";

    private final Authorizer authorizer;
    private final Clock clock;

    public ServiceCallers(Authorizer authorizer, Clock clock) {
        this.authorizer = authorizer;
        this.clock = clock;
    }

    public Caller forScope(SecretScope scope) {
        return new Caller(Principal.root(scope.account(), ""), scope.region(), "secretsmanager-" + UUID.randomUUID(),
                clock.instant(), "", USER_AGENT, true, authorizer);
    }
}
