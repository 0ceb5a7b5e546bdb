package dev.bulwark.kms.internal.cryptography;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869) for one output block of 32 bytes, which is all the ciphertext format
 * needs. (The JDK's own {@code javax.crypto.KDF} arrives in Java 25; Bulwark targets 21.)
 */
final class Hkdf {
    private static final String HMAC_SHA256 = "HmacSHA256";
    static final int LENGTH = 32;

    private Hkdf() {
    }

    /** Extract-then-expand; the caller wipes the returned key when done. */
    static byte[] deriveKey(byte[] inputKey, byte[] salt, byte[] info) {
        byte[] pseudoRandomKey = hmac(salt, inputKey);
        try {
            byte[] block = new byte[info.length + 1];
            System.arraycopy(info, 0, block, 0, info.length);
            block[info.length] = 1;
            return hmac(pseudoRandomKey, block);
        } finally {
            Arrays.fill(pseudoRandomKey, (byte) 0);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JDK", e);
        }
    }
}
