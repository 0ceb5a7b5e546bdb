package dev.bulwark.auth.identity;

import dev.bulwark.crypto.SecretBytes;
import java.security.SecureRandom;
import java.util.Base64;

/** New access key ids and secrets in AWS's formats. */
public final class AccessKeyGenerator {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random;

    public AccessKeyGenerator(SecureRandom random) {
        this.random = random;
    }

    /** {@code AKIA} and 16 characters of base32, as AWS's long-term key ids. */
    public String newLongTermKeyId() {
        return "AKIA" + base32(16);
    }

    /** 40 characters of base64 (30 random bytes), as AWS's secret access keys. */
    public SecretBytes newSecretAccessKey() {
        byte[] raw = new byte[30];
        random.nextBytes(raw);
        return SecretBytes.copyOf(Base64.getEncoder().encode(raw));
    }

    private String base32(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

}
