package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;

/**
 * Fresh key material for each KMS key spec. Symmetric keys are random bytes of the spec's
 * length (AES-256: 32; HMAC_224 ... HMAC_512: 28 ... 64, as AWS sizes them). RSA keys use the
 * public exponent 65537. Randomness is always the caller's.
 */
public final class KeyGenerator {
    private KeyGenerator() {
    }

    /** Key material for SYMMETRIC_DEFAULT and the HMAC specs. */
    public static SecretBytes generateSymmetric(KeySpec spec, SecureRandom random) {
        if (!spec.isSymmetric()) {
            throw new IllegalArgumentException(spec + " is not a symmetric key spec");
        }
        return SecretBytes.random(spec.bits / 8, random);
    }

    /** A key pair for the RSA, ECC and SM2 specs. */
    public static AsymmetricKeyPair generateKeyPair(KeySpec spec, SecureRandom random) {
        try {
            KeyPairGenerator generator = switch (spec.family) {
                case RSA -> {
                    KeyPairGenerator g = Jca.keyPairGenerator(spec, "RSA");
                    g.initialize(new RSAKeyGenParameterSpec(spec.bits, RSAKeyGenParameterSpec.F4), random);
                    yield g;
                }
                case EC -> {
                    KeyPairGenerator g = Jca.keyPairGenerator(spec, "EC");
                    g.initialize(new ECGenParameterSpec(spec.curveName), random);
                    yield g;
                }
                case ED25519 -> {
                    KeyPairGenerator g = Jca.keyPairGenerator(spec, "Ed25519");
                    g.initialize(NamedParameterSpec.ED25519, random);
                    yield g;
                }
                case AES, HMAC -> throw new IllegalArgumentException(spec + " is not an asymmetric key spec");
            };
            KeyPair pair = generator.generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            try {
                return new AsymmetricKeyPair(spec, SecretBytes.copyOf(pkcs8), pair.getPublic().getEncoded());
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + spec + " key pair in this runtime", e);
        }
    }
}
