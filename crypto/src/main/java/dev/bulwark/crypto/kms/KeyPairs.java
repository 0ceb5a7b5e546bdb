package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.InvalidKeyMaterialException;
import dev.bulwark.crypto.SecretBytes;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The key pair of a private key that comes from outside (KMS ImportKeyMaterial into an
 * asymmetric key): checks that the PKCS #8 key really is a key of the spec, and derives the
 * public key GetPublicKey will hand out from it.
 *
 * <p>RSA keys carry their public exponent (PKCS #8 RSA keys are CRT keys; one without it is
 * refused). Elliptic curve and Ed25519 keys carry only the private scalar or seed, and the JDK
 * offers no point multiplication, so the public point is computed with Bouncy Castle's
 * fixed-point comb multiplier, the one BC's own key pair generator uses; those classes are
 * touched only here, and only for curve keys. Every public key is re-read through
 * the spec's usual key factory, so it is encoded exactly like those of generated keys.
 */
public final class KeyPairs {
    /** SubjectPublicKeyInfo of an Ed25519 key up to the 32-byte point (RFC 8410). */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private KeyPairs() {
    }

    /**
     * @throws InvalidKeyMaterialException if {@code pkcs8} is not a valid private key of {@code spec}
     */
    public static AsymmetricKeyPair fromPrivateKey(KeySpec spec, SecretBytes pkcs8) {
        PrivateKey key = Keys.privateKey(spec, pkcs8);
        byte[] spki = switch (spec.family) {
            case RSA -> rsaPublicKey(spec, key);
            case EC -> ecPublicKey(spec, (ECPrivateKey) key);
            case ED25519 -> ed25519PublicKey(spec, (EdECPrivateKey) key);
            case AES, HMAC -> throw new IllegalArgumentException(spec + " is not an asymmetric key spec");
        };
        byte[] encoded = pkcs8.toByteArray(InsecureSecretAccess.get());
        try {
            return new AsymmetricKeyPair(spec, SecretBytes.copyOf(encoded), spki);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static byte[] rsaPublicKey(KeySpec spec, PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent() == null || crt.getPublicExponent().signum() <= 0) {
            throw new InvalidKeyMaterialException("The RSA private key does not carry its public exponent.");
        }
        return encode(spec, new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private static byte[] ecPublicKey(KeySpec spec, ECPrivateKey key) {
        ECParameterSpec curve = Keys.curveOf(spec);
        BigInteger d = key.getS();
        if (d.signum() <= 0 || d.compareTo(curve.getOrder()) >= 0) {
            throw new InvalidKeyMaterialException("The private key is not a valid scalar of the curve of key spec " + spec + ".");
        }
        org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier()
                .multiply(EC5Util.convertSpec(curve).getG(), d)
                .normalize();
        ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return encode(spec, new ECPublicKeySpec(point, curve));
    }

    private static byte[] ed25519PublicKey(KeySpec spec, EdECPrivateKey key) {
        byte[] seed = key.getBytes().orElseThrow(() -> new InvalidKeyMaterialException("The Ed25519 private key has no seed."));
        try {
            byte[] point = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + point.length);
            System.arraycopy(point, 0, spki, ED25519_SPKI_PREFIX.length, point.length);
            return Keys.publicKey(spec, spki).getEncoded();
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] encode(KeySpec spec, java.security.spec.KeySpec publicKeySpec) {
        try {
            return Jca.keyFactory(spec).generatePublic(publicKeySpec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException("The public key of the " + spec + " private key cannot be encoded.");
        }
    }
}
