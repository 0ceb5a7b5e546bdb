package dev.bulwark.secretsmanager.internal;

import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;

/** A secret value in plaintext: what it was given as (SecretString or SecretBinary) and its bytes. */
public record SecretValue(VersionRecord.ValueType type, SecretBytes bytes) {

    /** The value of a request, or null if it has neither SecretString nor SecretBinary. */
    public static SecretValue of(String secretString, SdkBytes secretBinary) {
        if (secretString != null) {
            return new SecretValue(VersionRecord.ValueType.STRING, SecretBytes.copyOf(secretString.getBytes(StandardCharsets.UTF_8)));
        }
        if (secretBinary != null) {
            return new SecretValue(VersionRecord.ValueType.BINARY, SecretBytes.copyOf(secretBinary.asByteArrayUnsafe()));
        }
        return null;
    }

    public static SecretValue ofString(String text) {
        return of(text, null);
    }

    /** The SecretString to answer with, or null for a binary value. */
    public String secretString() {
        return type == VersionRecord.ValueType.STRING
                ? new String(bytes.toByteArray(InsecureSecretAccess.get()), StandardCharsets.UTF_8) : null;
    }

    /** The SecretBinary to answer with, or null for a string value. */
    public SdkBytes secretBinary() {
        return type == VersionRecord.ValueType.BINARY ? SdkBytes.fromByteArray(bytes.toByteArray(InsecureSecretAccess.get())) : null;
    }

    /** Same type and same bytes, compared in constant time. */
    public boolean sameAs(SecretValue other) {
        return type == other.type && bytes.equalsSecretBytes(other.bytes);
    }

    @Override
    public String toString() {
        return "SecretValue[" + type + ", redacted]";
    }
}
