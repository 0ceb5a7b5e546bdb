package dev.bulwark.ssm.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;

/**
 * Parameter values between requests and the store. A String or StringList value is stored as its
 * UTF-8 text, a SecureString's as its ciphertext ({@link SecureValues}); the store seals both. A read
 * shows a SecureString decrypted only when the request asks for it, so reads without decryption never
 * call KMS.
 */
public final class ParameterValues {
    private final SecureValues secureValues;

    public ParameterValues(SecureValues secureValues) {
        this.secureValues = secureValues;
    }

    /** The stored form of a value for a version; SecureStrings are encrypted through KMS as the caller. */
    public SecretBytes stored(Caller caller, ParameterVersion version, String parameterArn, String value) {
        return version.secure()
                ? secureValues.encrypt(caller, version.keyId(), parameterArn, value)
                : SecretBytes.copyOf(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The value a response shows. */
    public String shown(Caller caller, ParameterVersion version, SecretBytes stored, String parameterArn, boolean decrypt) {
        if (!version.secure()) {
            return new String(stored.toByteArray(InsecureSecretAccess.get()), StandardCharsets.UTF_8);
        }
        return decrypt ? secureValues.decrypt(caller, parameterArn, stored) : SecureValues.ciphertextText(stored);
    }
}
