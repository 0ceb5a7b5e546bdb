package dev.bulwark.auth;

import dev.bulwark.core.wire.WireRequest;

/**
 * Establishes who sent a request. The server uses {@code SigV4Verifier} normally and
 * {@code DevModeAuthenticator} when started with {@code --dev}.
 */
@FunctionalInterface
public interface RequestAuthenticator {

    /**
     * Authenticates a request or throws {@link AuthenticationException} with the code and
     * message AWS answers with.
     */
    AuthenticatedRequest authenticate(WireRequest request, SigningRules rules);
}
