package dev.bulwark.cloudtrail.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The encodings of a digest signing key. Bulwark keeps public keys as X.509
 * SubjectPublicKeyInfo (what the JDK reads); CloudTrail hands them out as PKCS #1
 * {@code RSAPublicKey} DER ({@code ListPublicKeys}' {@code Value}, which {@code aws cloudtrail
 * validate-logs} loads with {@code load_pkcs1}), and names them by a fingerprint, here the hex
 * MD5 of that PKCS #1 encoding. PKCS #1 is two DER integers in a sequence, small enough to
 * encode and decode here rather than pull in an ASN.1 library.
 */
public final class RsaPublicKeys {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private RsaPublicKeys() {
    }

    /** SubjectPublicKeyInfo DER to PKCS #1 DER. */
    public static byte[] toPkcs1(byte[] subjectPublicKeyInfo) {
        RSAPublicKey key = decode(subjectPublicKeyInfo);
        byte[] body = concat(integer(key.getModulus()), integer(key.getPublicExponent()));
        return concat(header(SEQUENCE, body.length), body);
    }

    /** PKCS #1 DER to SubjectPublicKeyInfo DER. */
    public static byte[] fromPkcs1(byte[] pkcs1) {
        Reader reader = new Reader(pkcs1);
        int end = reader.expect(SEQUENCE) + reader.position;
        BigInteger modulus = new BigInteger(reader.bytes(reader.expect(INTEGER)));
        BigInteger exponent = new BigInteger(reader.bytes(reader.expect(INTEGER)));
        if (reader.position != end || end != pkcs1.length) {
            throw new IllegalArgumentException("Not a PKCS #1 RSA public key");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a usable RSA public key", e);
        }
    }

    /** CloudTrail's name for a key: hex MD5 of its PKCS #1 encoding. */
    public static String fingerprint(byte[] subjectPublicKeyInfo) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(toPkcs1(subjectPublicKeyInfo)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }

    /**
     * Reads a public key as a user may hand it over: PEM ({@code PUBLIC KEY} or
     * {@code RSA PUBLIC KEY}) or the bare base64 of either DER form, as {@code aws cloudtrail
     * list-public-keys} prints it. Returns SubjectPublicKeyInfo DER.
     */
    public static byte[] parse(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PEM or base64 public key", e);
        }
        try {
            decode(der);
            return der;
        } catch (IllegalArgumentException notSubjectPublicKeyInfo) {
            return fromPkcs1(der);
        }
    }

    private static RSAPublicKey decode(byte[] subjectPublicKeyInfo) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("Not an RSA SubjectPublicKeyInfo", e);
        }
    }

    private static byte[] integer(BigInteger value) {
        byte[] twosComplement = value.toByteArray();
        return concat(header(INTEGER, twosComplement.length), twosComplement);
    }

    private static byte[] header(int tag, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] octets = BigInteger.valueOf(length).toByteArray();
            int skip = octets[0] == 0 ? 1 : 0;
            out.write(0x80 | (octets.length - skip));
            out.write(octets, skip, octets.length - skip);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** Just enough DER to read PKCS #1: a tag, a definite length, the contents. */
    private static final class Reader {
        private final byte[] der;
        private int position;

        Reader(byte[] der) {
            this.der = der;
        }

        /** Reads a tag and a length; returns the length. */
        int expect(int tag) {
            if (next() != tag) {
                throw new IllegalArgumentException("Not a PKCS #1 RSA public key");
            }
            int first = next();
            if (first < 0x80) {
                return first;
            }
            int octets = first & 0x7F;
            if (octets == 0 || octets > 3) {
                throw new IllegalArgumentException("Not a PKCS #1 RSA public key");
            }
            int length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | next();
            }
            return length;
        }

        byte[] bytes(int length) {
            if (length <= 0 || position + length > der.length) {
                throw new IllegalArgumentException("Not a PKCS #1 RSA public key");
            }
            byte[] contents = Arrays.copyOfRange(der, position, position + length);
            position += length;
            return contents;
        }

        private int next() {
            if (position >= der.length) {
                throw new IllegalArgumentException("Not a PKCS #1 RSA public key");
            }
            return der[position++] & 0xFF;
        }
    }
}
