package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.InvalidInputException;
import dev.bulwark.crypto.InvalidKeyMaterialException;
import dev.bulwark.crypto.SecretBytes;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes the two encodings KMS keys travel in, PKCS #8 (private) and X.509
 * SubjectPublicKeyInfo (public), into JCA keys, and checks that a key really is of the spec it
 * is used as: the RSA modulus length, the curve. A stored private key that does not decode is
 * {@link InvalidKeyMaterialException}; a public key from a caller that does not is
 * {@link InvalidInputException}.
 */
final class Keys {
    private static final Map<KeySpec, ECParameterSpec> CURVES = new ConcurrentHashMap<>();

    private Keys() {
    }

    static PrivateKey privateKey(KeySpec spec, SecretBytes pkcs8) {
        byte[] encoded = pkcs8.toByteArray(InsecureSecretAccess.get());
        PrivateKey key;
        try {
            key = Jca.keyFactory(spec).generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (InvalidKeySpecException | RuntimeException e) {
            // No cause: decoder messages can quote the bytes they choked on.
            throw new InvalidKeyMaterialException("The private key is not a valid PKCS #8 " + spec + " key.");
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
        if (!matches(spec, key)) {
            throw new InvalidKeyMaterialException("The private key does not match key spec " + spec + ".");
        }
        return key;
    }

    /** A caller-supplied public key (a peer's, or one to verify with), validated against the spec. */
    static PublicKey publicKey(KeySpec spec, byte[] spki) {
        PublicKey key;
        try {
            key = Jca.keyFactory(spec).generatePublic(new X509EncodedKeySpec(spki));
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new InvalidInputException("The public key is not a valid DER-encoded SubjectPublicKeyInfo for key spec " + spec + ".");
        }
        if (!matches(spec, key)) {
            throw new InvalidInputException("The public key does not match key spec " + spec + ".");
        }
        if (key instanceof ECPublicKey ec && !isOnCurve(ec.getW(), ec.getParams().getCurve())) {
            throw new InvalidInputException("The public key is not a point on the curve of key spec " + spec + ".");
        }
        return key;
    }

    private static boolean matches(KeySpec spec, Key key) {
        return switch (spec.family) {
            case RSA -> key instanceof RSAKey rsa && rsa.getModulus().bitLength() == spec.bits;
            case EC -> key instanceof ECKey ec && sameCurve(ec.getParams(), curveOf(spec));
            case ED25519 -> key instanceof EdECKey ed && ed.getParams().getName().equalsIgnoreCase("Ed25519");
            case AES, HMAC -> false;
        };
    }

    /** The domain parameters of the spec's curve, from the provider that serves the spec. */
    static ECParameterSpec curveOf(KeySpec spec) {
        return CURVES.computeIfAbsent(spec, s -> {
            try {
                AlgorithmParameters parameters = s.needsBouncyCastle()
                        ? AlgorithmParameters.getInstance("EC", BouncyCastle.provider())
                        : AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec(s.curveName));
                return parameters.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Curve " + s.curveName + " is unavailable in this runtime", e);
            }
        });
    }

    /** Same curve means same field, coefficients, base point, order and cofactor, however it was named. */
    static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve())
                && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder())
                && a.getCofactor() == b.getCofactor();
    }

    /**
     * y^2 = x^3 + ax + b (mod p). Decoders differ in whether they check this, and a point off the
     * curve is the classic invalid-curve attack on ECDH, so it is checked here for every provider.
     */
    static boolean isOnCurve(ECPoint point, EllipticCurve curve) {
        if (point == ECPoint.POINT_INFINITY) {
            return false;
        }
        ECField field = curve.getField();
        if (!(field instanceof ECFieldFp fp)) {
            return false;
        }
        BigInteger p = fp.getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }
}
