package dev.bulwark.auth.policy;

import java.util.Objects;

/**
 * An identity provider whose user asks to assume a role ({@code AssumeRoleWithWebIdentity},
 * {@code AssumeRoleWithSAML}): {@code cognito-identity.amazonaws.com},
 * {@code arn:aws:iam::111122223333:oidc-provider/example.com}, a SAML provider's ARN. Only a role
 * trust policy's {@code "Federated"} principal can allow it; the token's claims reach conditions
 * as context keys the caller supplies ({@code accounts.google.com:aud}, ...).
 */
public record FederatedPrincipal(String provider) implements RequestPrincipal {

    public FederatedPrincipal {
        Objects.requireNonNull(provider, "provider");
        if (provider.isBlank()) {
            throw new IllegalArgumentException("A federated principal needs a provider");
        }
    }

    @Override
    public RequestContext conditionKeys() {
        return RequestContext.builder().put(ConditionKeys.PRINCIPAL_IS_AWS_SERVICE, false).build();
    }
}
