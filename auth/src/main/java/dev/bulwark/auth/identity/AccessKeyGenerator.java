package dev.bulwark.auth.identity;

import dev.bulwark.core.AccountId;
import dev.bulwark.crypto.SecretBytes;
import java.security.SecureRandom;
import java.util.Base64;

/** New access key ids, secrets and session tokens in AWS's formats. */
public final class AccessKeyGenerator {
    /** Random bytes in a session token: AWS's are opaque too, and longer than any secret. */
    private static final int SESSION_TOKEN_BYTES = 96;

    private final SecureRandom random;

    public AccessKeyGenerator(SecureRandom random) {
        this.random = random;
    }

    /** {@code AKIA} and 16 characters of base32 that encode the account, as AWS's long-term key ids. */
    public String newLongTermKeyId(AccountId account) {
        return AwsIdentifiers.accessKeyId(AwsIdentifiers.LONG_TERM_KEY_PREFIX, account, random);
    }

    /** {@code ASIA} and 16 characters of base32 that encode the account, as STS's key ids. */
    public String newTemporaryKeyId(AccountId account) {
        return AwsIdentifiers.accessKeyId(AwsIdentifiers.TEMPORARY_KEY_PREFIX, account, random);
    }

    /** 40 characters of base64 (30 random bytes), as AWS's secret access keys. */
    public SecretBytes newSecretAccessKey() {
        return randomBase64(30);
    }

    /** An opaque session token for temporary credentials: 128 characters of base64. */
    public SecretBytes newSessionToken() {
        return randomBase64(SESSION_TOKEN_BYTES);
    }

    private SecretBytes randomBase64(int length) {
        byte[] raw = new byte[length];
        random.nextBytes(raw);
        return SecretBytes.copyOf(Base64.getEncoder().encode(raw));
    }
}
