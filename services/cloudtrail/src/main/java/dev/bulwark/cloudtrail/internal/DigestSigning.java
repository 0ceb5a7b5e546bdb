package dev.bulwark.cloudtrail.internal;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.MessageType;
import dev.bulwark.crypto.kms.Signer;
import dev.bulwark.crypto.kms.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How CloudTrail signs a digest file, shared by the deliverer and the validator. The signed data
 * is AWS's "data signing string":
 * <pre>
 *   digestEndTime \n digestS3Bucket/digestS3Object \n hex(SHA-256(uncompressed digest)) \n previousDigestSignature
 * </pre>
 * with the literal {@code null} as the previous signature of a chain's first digest, signed
 * SHA256withRSA (RSASSA-PKCS1-v1_5) and written as hex. AWS stores the signature in the digest
 * object's S3 metadata; with no S3, Bulwark writes it beside the digest in a {@code .sig} file.
 */
public final class DigestSigning {
    public static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    public static final String HASH_ALGORITHM = "SHA-256";
    public static final String SIGNATURE_FILE_SUFFIX = ".sig";
    private static final HexFormat HEX = HexFormat.of();

    private DigestSigning() {
    }

    public static String stringToSign(String digestEndTime, String bucket, String object, byte[] uncompressedDigest,
            String previousSignature) {
        return digestEndTime + "\n" + bucket + "/" + object + "\n" + sha256Hex(uncompressedDigest) + "\n"
                + (previousSignature == null ? "null" : previousSignature);
    }

    /** @param privateKey PKCS #8 DER of an RSA-2048 key */
    static String sign(String stringToSign, SecretBytes privateKey, SecureRandom random) {
        return HEX.formatHex(Signer.sign(KeySpec.RSA_2048, privateKey, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256,
                MessageType.RAW, stringToSign.getBytes(StandardCharsets.UTF_8), random));
    }

    /** @param publicKey X.509 SubjectPublicKeyInfo DER of an RSA-2048 key */
    public static boolean verify(String stringToSign, String hexSignature, byte[] publicKey) {
        byte[] signature;
        try {
            signature = HEX.parseHex(hexSignature);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return Signer.verify(KeySpec.RSA_2048, publicKey, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256,
                MessageType.RAW, stringToSign.getBytes(StandardCharsets.UTF_8), signature);
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
