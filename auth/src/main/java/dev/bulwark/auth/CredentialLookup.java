package dev.bulwark.auth;

import java.util.Optional;

/**
 * Finds the credential an access key id names. The server implements it over the store; it is
 * called once per signed request, so implementations should answer from memory when they can.
 */
@FunctionalInterface
public interface CredentialLookup {

    /** The credential, or empty if no such access key exists (or it is inactive). */
    Optional<Credential> find(String accessKeyId);
}
