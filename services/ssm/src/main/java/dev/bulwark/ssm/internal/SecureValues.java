package dev.bulwark.ssm.internal;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.AesGcm;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsApi;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.AEADBadTagException;

/**
 * SecureString values, encrypted through KMS as the caller, as AWS encrypts them: under the key the
 * parameter names (or the AWS managed {@code alias/aws/ssm}), with the encryption context
 * {@code {"PARAMETER_ARN": "<parameter ARN>"}}, so that key policies, grants and
 * {@code kms:EncryptionContext:PARAMETER_ARN} conditions decide who can read a parameter, and the audit
 * trail shows the KMS calls made for the caller ({@code kms:ViaService = ssm}).
 *
 * <p>Two forms, told apart by a leading byte. A value of at most 4096 UTF-8 bytes (KMS Encrypt's
 * limit; every Standard-tier value) is encrypted by KMS directly: {@code 0x01 || KMS ciphertext}.
 * A larger value (Advanced tier, up to 8 KB) is envelope-encrypted, as AWS does for advanced
 * parameters: KMS generates a data key, the value is sealed with AES-256-GCM under it, with the
 * parameter ARN as associated data, and the data key is kept encrypted beside it:
 * {@code 0x02 || u16 length || encrypted data key || nonce || ciphertext || tag}. Either form is
 * then sealed again by the store, like every stored value.
 *
 * <p>Without decryption a SecureString reads as the base64 of its ciphertext (what follows the
 * leading byte), as AWS returns the base64 of its KMS ciphertext.
 */
public final class SecureValues {
    /** The AWS managed key that encrypts SecureStrings when the request names none. */
    public static final String DEFAULT_KEY_ID = "alias/aws/ssm";
    static final String VIA_SERVICE = "ssm";
    private static final String CONTEXT_KEY = "PARAMETER_ARN";
    private static final int DIRECT_LIMIT = 4096;
    private static final byte DIRECT = 1;
    private static final byte ENVELOPE = 2;

    private final KmsApi kms;
    private final SecureRandom random;

    public SecureValues(KmsApi kms, SecureRandom random) {
        this.kms = kms;
        this.random = random;
    }

    /**
     * Encrypts a value for a parameter. KMS's NotFoundException (an unknown key or alias) becomes
     * Parameter Store's InvalidKeyId; KMS's other errors (access denied, a disabled key) reach the
     * caller as KMS gave them.
     */
    public SecretBytes encrypt(Caller caller, String keyId, String parameterArn, String value) {
        byte[] plaintext = value.getBytes(StandardCharsets.UTF_8);
        try {
            return plaintext.length <= DIRECT_LIMIT
                    ? direct(caller, keyId, parameterArn, plaintext)
                    : envelope(caller, keyId, parameterArn, plaintext);
        } catch (AwsException e) {
            throw "NotFoundException".equals(e.code()) ? SsmErrors.invalidKeyId(e.getMessage()) : e;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Decrypts a stored SecureString value as the caller. */
    public String decrypt(Caller caller, String parameterArn, SecretBytes stored) {
        byte[] blob = stored.toByteArray(InsecureSecretAccess.get());
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        byte form = buffer.get();
        if (form == DIRECT) {
            byte[] ciphertext = Arrays.copyOfRange(blob, 1, blob.length);
            SecretBytes plaintext = kms.decrypt(caller, VIA_SERVICE, ciphertext, context(parameterArn)).plaintext();
            return text(plaintext);
        }
        if (form != ENVELOPE) {
            throw new IllegalStateException("Unknown SecureString value form " + form);
        }
        byte[] encryptedKey = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(encryptedKey);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        SecretBytes dataKey = kms.decrypt(caller, VIA_SERVICE, encryptedKey, context(parameterArn)).plaintext();
        try {
            byte[] plaintext = new AesGcm(dataKey, random).decrypt(sealed, associatedData(parameterArn));
            try {
                return new String(plaintext, StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The SecureString value of " + parameterArn + " does not open under its data key", e);
        } finally {
            dataKey.destroy();
        }
    }

    /** The value AWS shows for a SecureString read without decryption: base64 of the ciphertext. */
    public static String ciphertextText(SecretBytes stored) {
        byte[] blob = stored.toByteArray(InsecureSecretAccess.get());
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(blob, 1, blob.length));
    }

    private SecretBytes direct(Caller caller, String keyId, String parameterArn, byte[] plaintext) {
        SecretBytes secret = SecretBytes.copyOf(plaintext);
        try {
            byte[] ciphertext = kms.encrypt(caller, VIA_SERVICE, keyId, secret, context(parameterArn)).ciphertextBlob();
            return SecretBytes.copyOf(ByteBuffer.allocate(1 + ciphertext.length).put(DIRECT).put(ciphertext).array());
        } finally {
            secret.destroy();
        }
    }

    private SecretBytes envelope(Caller caller, String keyId, String parameterArn, byte[] plaintext) {
        KmsApi.DataKey dataKey = kms.generateDataKey(caller, VIA_SERVICE, keyId, context(parameterArn));
        try {
            byte[] sealed = new AesGcm(dataKey.plaintext(), random).encrypt(plaintext, associatedData(parameterArn));
            byte[] encryptedKey = dataKey.ciphertextBlob();
            return SecretBytes.copyOf(ByteBuffer.allocate(1 + 2 + encryptedKey.length + sealed.length)
                    .put(ENVELOPE).putShort((short) encryptedKey.length).put(encryptedKey).put(sealed).array());
        } finally {
            dataKey.plaintext().destroy();
        }
    }

    private static Map<String, String> context(String parameterArn) {
        return Map.of(CONTEXT_KEY, parameterArn);
    }

    private static byte[] associatedData(String parameterArn) {
        return (CONTEXT_KEY + "=" + parameterArn).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(SecretBytes plaintext) {
        byte[] bytes = plaintext.toByteArray(InsecureSecretAccess.get());
        try {
            return new String(bytes, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            plaintext.destroy();
        }
    }
}
