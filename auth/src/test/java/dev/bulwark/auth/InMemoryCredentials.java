package dev.bulwark.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A credential store for tests. */
public final class InMemoryCredentials implements CredentialLookup {
    private final Map<String, Credential> byAccessKeyId = new ConcurrentHashMap<>();

    public InMemoryCredentials add(Credential credential) {
        byAccessKeyId.put(credential.accessKeyId(), credential);
        return this;
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
    }
}
