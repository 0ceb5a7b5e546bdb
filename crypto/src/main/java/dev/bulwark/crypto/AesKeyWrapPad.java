package dev.bulwark.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES Key Wrap with Padding (RFC 5649, NIST SP 800-38F KWP): the second half of KMS's
 * RSA_AES_KEY_WRAP import blobs, and what {@code openssl enc -id-aes256-wrap-pad} produces.
 * The JDK has it since 17 ({@code AES/KWP/NoPadding}), so no extra provider is involved.
 * Deterministic by design: the integrity check value is the RFC's fixed {@code A65959A6}.
 */
public final class AesKeyWrapPad {
    private AesKeyWrapPad() {
    }

    /** @param kek an AES key of 16, 24 or 32 bytes */
    public static byte[] wrap(SecretBytes kek, SecretBytes keyMaterial) {
        if (keyMaterial.size() == 0) {
            throw new InvalidInputException("Key material to wrap must not be empty.");
        }
        try {
            return cipher(Cipher.ENCRYPT_MODE, kek).doFinal(keyMaterial.toByteArray(InsecureSecretAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/KWP is unavailable in this JDK", e);
        }
    }

    /** Unwraps and checks integrity, or throws {@link DecryptionFailedException}. */
    public static SecretBytes unwrap(SecretBytes kek, byte[] wrapped) {
        // RFC 5649: at least two semiblocks, and whole semiblocks only.
        if (wrapped.length < 16 || wrapped.length % 8 != 0) {
            throw new DecryptionFailedException();
        }
        byte[] plain = null;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, kek).doFinal(wrapped);
            return SecretBytes.copyOf(plain);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new DecryptionFailedException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/KWP is unavailable in this JDK", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static Cipher cipher(int mode, SecretBytes kek) throws GeneralSecurityException {
        int size = kek.size();
        if (size != 16 && size != 24 && size != 32) {
            throw new InvalidKeyMaterialException("AES key-wrapping keys are 16, 24 or 32 bytes, not " + size + ".");
        }
        Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
        cipher.init(mode, new SecretKeySpec(kek.toByteArray(InsecureSecretAccess.get()), "AES"));
        return cipher;
    }
}
