/**
 * Who is calling: credentials, request authentication and the default authorizer.
 *
 * <h2>Design note</h2>
 *
 * <p>Every request is authenticated before a service sees it. The server routes a request (by
 * {@code X-Amz-Target}, path, or failing both the signature's credential scope), then asks a
 * {@link dev.bulwark.auth.RequestAuthenticator} with the service's
 * {@link dev.bulwark.auth.SigningRules}. The answer, an
 * {@link dev.bulwark.auth.AuthenticatedRequest}, names the principal and the region of the
 * credential scope, which together decide the account and region the call addresses. A refusal
 * is an {@link dev.bulwark.auth.AuthenticationException}, which knows its AWS name and status in
 * each protocol family, so the protocol adapter writes it as AWS would.
 *
 * <p>Two authenticators exist. {@link dev.bulwark.auth.sigv4.SigV4Verifier} checks Signature
 * Version 4 exactly as AWS does for its JSON and query services, against credentials found
 * through {@link dev.bulwark.auth.CredentialLookup} (the server implements it over the store).
 * {@link dev.bulwark.auth.sigv4.DevModeAuthenticator}, for {@code --dev} only, reads the same
 * signatures but checks no secret.
 *
 * <p>Secrets are typed: a {@link dev.bulwark.auth.Credential} holds its secret key and session
 * token as {@code SecretBytes}, and nothing in this package writes a secret, a session token or
 * a computed signature into a message, a log or a {@code toString()}.
 *
 * <p>The server authorizes every call with {@link dev.bulwark.auth.PolicyAuthorizer}: the policy
 * engine ({@code dev.bulwark.auth.policy}) over the caller's identity policies (from
 * {@link dev.bulwark.auth.IdentityPolicySource}), the resource's policy and grants.
 * {@link dev.bulwark.auth.SameAccountAuthorizer}, which lets a principal act within its own
 * account and nowhere else, serves services' unit tests that exercise behaviour, not policy.
 */
package dev.bulwark.auth;
