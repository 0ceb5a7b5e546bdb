package dev.bulwark.auth.sigv4;

import dev.bulwark.auth.AuthenticatedRequest;
import dev.bulwark.auth.Credential;
import dev.bulwark.auth.CredentialLookup;
import dev.bulwark.auth.RequestAuthenticator;
import dev.bulwark.auth.SigningRules;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.wire.WireRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Development mode ({@code --dev}): any well-formed SigV4 request is accepted without looking up
 * a secret or checking the signature, so the well-known test credentials of local AWS tooling
 * work unchanged.
 *
 * <p>The signature must still be well formed, cover the host and carry a valid credential scope,
 * because its region and service are what the call addresses. An access key this server issued
 * (an IAM user's key, STS temporary credentials) acts as its own principal, so that users,
 * roles and sessions can be tried out in dev mode too; its secret, session token and expiry
 * are not checked. An access key id of exactly twelve digits selects that account, as LocalStack
 * does; any other key (such as {@code test}) acts in the default account, as the account's root.
 *
 * <p>Requests without any signature are still refused with
 * {@code MissingAuthenticationTokenException}: an unsigned request names no region or account,
 * and accepting it would make {@code --dev} mean "no authentication" rather than "no secrets".
 * The time window is not enforced either: it protects signatures, and none is checked here.
 */
public final class DevModeAuthenticator implements RequestAuthenticator {
    private final AccountId defaultAccount;
    private final CredentialLookup issuedKeys;

    /** Every key acts as an account root. */
    public DevModeAuthenticator(AccountId defaultAccount) {
        this(defaultAccount, accessKeyId -> Optional.empty());
    }

    /** Keys the lookup knows act as their principal; any other key as an account root. */
    public DevModeAuthenticator(AccountId defaultAccount, CredentialLookup issuedKeys) {
        this.defaultAccount = Objects.requireNonNull(defaultAccount, "defaultAccount");
        this.issuedKeys = Objects.requireNonNull(issuedKeys, "issuedKeys");
    }

    @Override
    public AuthenticatedRequest authenticate(WireRequest request, SigningRules rules) {
        SignedRequest signed = SignedRequest.read(request, SignedRequest.decodeQuery(request), rules);
        String accessKeyId = signed.accessKeyId();
        Principal principal = issuedKeys.find(accessKeyId).map(Credential::principal).orElseGet(() -> Principal.root(
                AccountId.isValid(accessKeyId) ? AccountId.of(accessKeyId) : defaultAccount, accessKeyId));
        return new AuthenticatedRequest(principal, signed.region(), signed.scopeService(), signed.signedAt(),
                accessKeyId);
    }
}
