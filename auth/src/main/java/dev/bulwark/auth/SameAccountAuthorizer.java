package dev.bulwark.auth;

import dev.bulwark.core.Arn;
import dev.bulwark.core.call.AuthorizationRequest;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;

/**
 * The authorizer until policies are evaluated: a principal may act on the resources of its own
 * account, and on actions that name no resource ({@code *}); nothing across accounts. This is
 * what an account root may do in AWS when no resource policy grants more.
 */
public final class SameAccountAuthorizer implements Authorizer {

    @Override
    public Decision decide(Caller caller, AuthorizationRequest request) {
        String resource = request.resourceArn();
        if ("*".equals(resource)) {
            return Decision.ALLOW;
        }
        String account = request.principal().account().value();
        boolean ownAccount = Arn.parse(resource).map(arn -> arn.account().equals(account)).orElse(false);
        // The reason completes AWS's sentence "User: ... is not authorized to perform: ... on resource: ...".
        return ownAccount ? Decision.ALLOW
                : Decision.deny("because no resource-based policy allows the " + request.action() + " action");
    }
}
