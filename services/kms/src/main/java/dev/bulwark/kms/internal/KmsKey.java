package dev.bulwark.kms.internal;

import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import java.util.Objects;
import java.util.Set;

/**
 * A key as operations see it: its record and where it lives. The checks every operation makes
 * before using a key (state, usage) live here so they read the same everywhere.
 */
public record KmsKey(KmsScope scope, KeyRecord record) {

    public KmsKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(record, "record");
    }

    public String keyId() {
        return record.keyId();
    }

    public String arn() {
        return scope.keyArn(record.keyId());
    }

    public KeySpec spec() {
        return record.keySpec();
    }

    public KeyUsage usage() {
        return record.keyUsage();
    }

    public KeyState state() {
        return record.state();
    }

    public boolean isAwsManaged() {
        return record.keyManager() == KeyManager.AWS;
    }

    public KmsKey with(KeyRecord newRecord) {
        return new KmsKey(scope, newRecord);
    }

    /**
     * For cryptographic operations: the key must be Enabled. A disabled key answers
     * DisabledException, an unavailable one KeyUnavailableException, every other state
     * KMSInvalidStateException ({@code ... is pending deletion.}).
     */
    public void requireEnabled() {
        switch (state()) {
            case Enabled -> {
            }
            case Disabled -> throw KmsErrors.disabled(arn());
            case Unavailable -> throw KmsErrors.keyUnavailable(arn());
            default -> throw invalidState();
        }
    }

    /** For management operations: the key must be in one of {@code allowed}, else KMSInvalidStateException. */
    public void requireState(Set<KeyState> allowed) {
        if (!allowed.contains(state())) {
            throw invalidState();
        }
    }

    /** {@code arn:... key usage is SIGN_VERIFY which is not valid for Encrypt.} */
    public void requireUsage(KeyUsage required, String operation) {
        if (usage() != required) {
            throw KmsErrors.wrongKeyUsage(arn(), usage().name(), operation);
        }
    }

    private RuntimeException invalidState() {
        return KmsErrors.invalidState(arn() + " is " + state().phrase() + ".");
    }
}
