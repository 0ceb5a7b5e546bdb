package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Key pairs shared by the whole test run (RSA-4096 generation takes seconds, so each spec is
 * generated once), and JCA views of them built the way an outside verifier would: from the
 * encoded bytes alone.
 */
final class TestKeys {
    static final SecureRandom RANDOM = new SecureRandom();
    /** An independent Bouncy Castle instance for verifying what Bulwark produced. */
    static final Provider BC = new BouncyCastleProvider();
    private static final Map<KeySpec, AsymmetricKeyPair> PAIRS = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    static AsymmetricKeyPair pair(KeySpec spec) {
        return PAIRS.computeIfAbsent(spec, s -> KeyGenerator.generateKeyPair(s, RANDOM));
    }

    /** The public key as an outside party decodes it from SPKI: the JDK, or BC where the JDK has no such curve. */
    static PublicKey outsidePublicKey(KeySpec spec, byte[] spki) throws GeneralSecurityException {
        return keyFactory(spec).generatePublic(new X509EncodedKeySpec(spki));
    }

    static PrivateKey outsidePrivateKey(KeySpec spec, SecretBytes pkcs8) throws GeneralSecurityException {
        return keyFactory(spec).generatePrivate(new PKCS8EncodedKeySpec(pkcs8.toByteArray(InsecureSecretAccess.get())));
    }

    static KeyFactory keyFactory(KeySpec spec) throws GeneralSecurityException {
        String algorithm = switch (spec) {
            case RSA_2048, RSA_3072, RSA_4096 -> "RSA";
            case ECC_NIST_EDWARDS25519 -> "Ed25519";
            default -> "EC";
        };
        return spec == KeySpec.ECC_SECG_P256K1 || spec == KeySpec.SM2
                ? KeyFactory.getInstance(algorithm, BC)
                : KeyFactory.getInstance(algorithm);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static byte[] bytes(SecretBytes secret) {
        return secret.toByteArray(InsecureSecretAccess.get());
    }
}
