package dev.bulwark.ssm.internal;

import dev.bulwark.crypto.SecretBytes;

/**
 * A parameter read from the store: its id, its record and the current version's stored value (a
 * String's UTF-8 text or a SecureString's ciphertext, see {@link SecureValues}).
 */
public record StoredParameter(String id, ParameterRecord record, SecretBytes value) {

    public ParameterVersion current() {
        return record.current();
    }
}
