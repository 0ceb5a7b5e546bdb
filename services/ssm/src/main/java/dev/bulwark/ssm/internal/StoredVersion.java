package dev.bulwark.ssm.internal;

import dev.bulwark.crypto.SecretBytes;

/** One version of a parameter read from the store, with its stored value. */
public record StoredVersion(ParameterVersion version, SecretBytes value) {
}
