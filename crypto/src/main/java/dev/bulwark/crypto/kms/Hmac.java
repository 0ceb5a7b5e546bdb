package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.UnsupportedAlgorithmException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** KMS GenerateMac and VerifyMac: HMAC (RFC 2104) with the SHA-2 hash the MAC algorithm names. */
public final class Hmac {
    private Hmac() {
    }

    public static byte[] compute(KeySpec spec, SecretBytes key, MacAlgorithm algorithm, byte[] message) {
        if (!algorithm.supports(spec)) {
            throw new UnsupportedAlgorithmException("The MAC algorithm " + algorithm + " is not supported by key spec " + spec + ".");
        }
        byte[] raw = key.toByteArray(InsecureSecretAccess.get());
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(raw, mac.getAlgorithm()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unavailable in this JDK", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Compares in constant time, so a forger learns nothing from how long a rejection took. */
    public static boolean verify(KeySpec spec, SecretBytes key, MacAlgorithm algorithm, byte[] message, byte[] mac) {
        return MessageDigest.isEqual(compute(spec, key, algorithm, message), mac);
    }
}
