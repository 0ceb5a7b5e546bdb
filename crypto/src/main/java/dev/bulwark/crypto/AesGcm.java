package dev.bulwark.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a random 96-bit nonce and a 128-bit tag. Output layout:
 * {@code nonce (12) || ciphertext || tag (16)}. With random nonces one key must not seal
 * more than 2^32 messages; callers that may exceed that rotate keys (the store's data keys).
 */
public final class AesGcm {
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** @param key 16, 24 or 32 bytes; Bulwark uses 32 everywhere */
    public AesGcm(SecretBytes key, SecureRandom random) {
        int size = key.size();
        if (size != 16 && size != 24 && size != 32) {
            throw new IllegalArgumentException("AES keys are 16, 24 or 32 bytes, not " + size);
        }
        this.key = new SecretKeySpec(key.toByteArray(InsecureSecretAccess.get()), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = new byte[NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_LENGTH);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_LENGTH);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        }
    }

    /** Opens a sealed message, or throws {@link AEADBadTagException} if it was not sealed with this key and AAD. */
    public byte[] decrypt(byte[] sealed, byte[] associatedData) throws AEADBadTagException {
        if (sealed.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new AEADBadTagException("Ciphertext too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_LENGTH * 8, sealed, 0, NONCE_LENGTH));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        }
    }
}
