package dev.bulwark.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Secret bytes: key material, secret values, plaintexts. Immutable; {@link #toString()} never
 * shows the content, and reading it needs a {@link SecretAccess}, so secrets cannot slip into
 * logs, exception messages or audit records by accident.
 */
public final class SecretBytes {
    private final byte[] bytes;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies the given bytes; the caller may then wipe its own array. */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(Objects.requireNonNull(bytes, "bytes").clone());
    }

    public static SecretBytes random(int length, SecureRandom random) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new SecretBytes(bytes);
    }

    /** A copy of the raw bytes. */
    public byte[] toByteArray(SecretAccess access) {
        Objects.requireNonNull(access, "access");
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** Compares in constant time, so a comparison does not leak where two secrets differ. */
    public boolean equalsSecretBytes(SecretBytes other) {
        return other != null && MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Overwrites the bytes held here. Best effort: the JVM may have copied them before. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes, redacted]";
    }
}
