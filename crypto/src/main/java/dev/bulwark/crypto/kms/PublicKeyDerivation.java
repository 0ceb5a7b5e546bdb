package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.InvalidKeyMaterialException;
import dev.bulwark.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The public half of a private key given alone (key material chosen by a user: seeded keys,
 * imported key pairs), encoded as SubjectPublicKeyInfo exactly as {@link KeyGenerator} encodes
 * the public keys it generates.
 *
 * <p>RSA needs nothing but the JDK: a PKCS #8 RSA key carries its modulus and public exponent.
 * Elliptic-curve and Ed25519 keys need a scalar multiplication that the JDK does not expose, so
 * they use Bouncy Castle's fixed-point comb multiplier and its RFC 8032 code, which run in time
 * independent of the secret scalar. Nothing on a request path derives keys, so this does not
 * load Bouncy Castle where {@code LazyBouncyCastleTest} forbids it.
 */
final class PublicKeyDerivation {
    /** SubjectPublicKeyInfo of an Ed25519 key (RFC 8410) up to the 32 key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private PublicKeyDerivation() {
    }

    /**
     * @throws InvalidKeyMaterialException if the private key is not a PKCS #8 key of {@code spec}
     */
    static byte[] publicKeyOf(KeySpec spec, SecretBytes pkcs8) {
        PrivateKey key = Keys.privateKey(spec, pkcs8);
        try {
            return switch (spec.family) {
                case RSA -> encode(spec, rsa(key));
                case EC -> encode(spec, ec(spec, key));
                case ED25519 -> ed25519(key);
                case AES, HMAC -> throw new IllegalArgumentException(spec + " is not an asymmetric key spec");
            };
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException("The public key of this " + spec + " private key cannot be derived.");
        }
    }

    private static RSAPublicKeySpec rsa(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new InvalidKeyMaterialException("The RSA private key does not hold its public exponent (no CRT form).");
        }
        return new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent());
    }

    private static ECPublicKeySpec ec(KeySpec spec, PrivateKey key) throws GeneralSecurityException {
        ECPrivateKeyParameters parameters = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key);
        org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier()
                .multiply(parameters.getParameters().getG(), parameters.getD())
                .normalize();
        ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return new ECPublicKeySpec(point, Keys.curveOf(spec));
    }

    private static byte[] ed25519(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new InvalidKeyMaterialException("The Ed25519 private key does not hold its seed."));
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE);
        try {
            Ed25519.generatePublicKey(seed, 0, spki, ED25519_SPKI_PREFIX.length);
            return spki;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] encode(KeySpec spec, java.security.spec.KeySpec publicKey) throws GeneralSecurityException {
        byte[] spki = Jca.keyFactory(spec).generatePublic(publicKey).getEncoded();
        // Decoding it again applies the checks every public key gets (size, curve, on the curve).
        return Keys.publicKey(spec, spki).getEncoded();
    }
}
