package dev.bulwark.iam.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import java.util.Optional;

/**
 * Who a call is about when it names no user: GetUser, CreateAccessKey and the other access key
 * operations act on the calling user, or on the account root when the root calls.
 */
final class Callers {
    private Callers() {
    }

    /**
     * The calling IAM user's name; empty when the root calls. Role sessions and federated users
     * are refused as AWS refuses them.
     */
    static Optional<String> callingUserName(Caller caller) {
        Principal principal = caller.principal();
        return switch (principal.type()) {
            case ROOT -> Optional.empty();
            case IAM_USER -> Optional.of(Entities.nameInArn(principal.arn()));
            case ASSUMED_ROLE, FEDERATED_USER -> throw IamErrors.validation(
                    "Must specify userName when calling with non-User credentials");
        };
    }
}
