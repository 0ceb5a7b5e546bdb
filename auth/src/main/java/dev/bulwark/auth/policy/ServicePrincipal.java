package dev.bulwark.auth.policy;

import java.util.Objects;

/**
 * An AWS service acting on its own behalf ({@code cloudtrail.amazonaws.com}). A service has no
 * identity-based policies: only a resource-based policy that names it can allow it.
 */
public record ServicePrincipal(String name) implements RequestPrincipal {

    public ServicePrincipal {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A service principal needs a name");
        }
    }

    @Override
    public RequestContext conditionKeys() {
        return RequestContext.builder()
                .put(ConditionKeys.PRINCIPAL_IS_AWS_SERVICE, true)
                .put(ConditionKeys.PRINCIPAL_SERVICE_NAME, name)
                .build();
    }
}
