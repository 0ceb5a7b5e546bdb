package dev.bulwark.core.call;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A question for the authorizer: may this principal perform this action on this resource,
 * given these condition keys ({@code kms:EncryptionContext:Department}, ...)?
 *
 * @param action        the IAM action, e.g. {@code kms:Decrypt}
 * @param resourceArn   the resource's ARN, or {@code *} for actions without one
 * @param conditionKeys service-specific condition keys; the authorizer adds the global ones
 * @param resourceAccess the resource's own policy and grants, as its service knows them
 */
public record AuthorizationRequest(
        Principal principal, String action, String resourceArn, Map<String, List<String>> conditionKeys,
        ResourceAccess resourceAccess) {

    public AuthorizationRequest {
        conditionKeys = Map.copyOf(conditionKeys);
        Objects.requireNonNull(resourceAccess, "resourceAccess");
    }
}
