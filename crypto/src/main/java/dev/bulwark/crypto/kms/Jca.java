package dev.bulwark.crypto.kms;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import javax.crypto.KeyAgreement;

/**
 * JCA look-ups that pick the provider for a key spec: the JDK's default providers, or the
 * private Bouncy Castle instance for the curves the JDK lacks. A missing algorithm means a broken
 * runtime, not bad input, so it is an {@link IllegalStateException}.
 */
final class Jca {
    private Jca() {
    }

    static KeyFactory keyFactory(KeySpec spec) {
        String algorithm = switch (spec.family) {
            case RSA -> "RSA";
            case EC -> "EC";
            case ED25519 -> "Ed25519";
            case AES, HMAC -> throw new IllegalArgumentException(spec + " is not an asymmetric key spec");
        };
        try {
            return spec.needsBouncyCastle()
                    ? KeyFactory.getInstance(algorithm, BouncyCastle.provider())
                    : KeyFactory.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw unavailable(algorithm, e);
        }
    }

    static KeyPairGenerator keyPairGenerator(KeySpec spec, String algorithm) {
        try {
            return spec.needsBouncyCastle()
                    ? KeyPairGenerator.getInstance(algorithm, BouncyCastle.provider())
                    : KeyPairGenerator.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw unavailable(algorithm, e);
        }
    }

    static Signature signature(KeySpec spec, String algorithm) {
        return signature(algorithm, spec.needsBouncyCastle());
    }

    static Signature signature(String algorithm, boolean bouncyCastle) {
        try {
            return bouncyCastle
                    ? Signature.getInstance(algorithm, BouncyCastle.provider())
                    : Signature.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw unavailable(algorithm, e);
        }
    }

    static KeyAgreement keyAgreement(KeySpec spec) {
        try {
            return spec.needsBouncyCastle()
                    ? KeyAgreement.getInstance("ECDH", BouncyCastle.provider())
                    : KeyAgreement.getInstance("ECDH");
        } catch (NoSuchAlgorithmException e) {
            throw unavailable("ECDH", e);
        }
    }

    private static IllegalStateException unavailable(String algorithm, Exception cause) {
        return new IllegalStateException(algorithm + " is unavailable in this runtime", cause);
    }
}
