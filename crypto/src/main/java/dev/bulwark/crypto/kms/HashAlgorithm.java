package dev.bulwark.crypto.kms;

import java.util.HexFormat;

/** The hash functions behind the KMS algorithms, with what the JCA and PKCS #1 call them. */
enum HashAlgorithm {
    SHA_1("SHA-1", "SHA1", 20, null),
    SHA_224("SHA-224", "SHA224", 28, null),
    SHA_256("SHA-256", "SHA256", 32, "3031300d060960864801650304020105000420"),
    SHA_384("SHA-384", "SHA384", 48, "3041300d060960864801650304020205000430"),
    SHA_512("SHA-512", "SHA512", 64, "3051300d060960864801650304020305000440"),
    /** SM3 only exists in Bouncy Castle; nothing here digests with it through the JCA. */
    SM3("SM3", "SM3", 32, null);

    final String jcaName;
    /** The prefix of JCA signature names: {@code SHA256withRSA}. */
    final String signaturePrefix;
    final int length;
    private final byte[] digestInfoPrefix;

    HashAlgorithm(String jcaName, String signaturePrefix, int length, String digestInfoPrefixHex) {
        this.jcaName = jcaName;
        this.signaturePrefix = signaturePrefix;
        this.length = length;
        this.digestInfoPrefix = digestInfoPrefixHex == null ? null : HexFormat.of().parseHex(digestInfoPrefixHex);
    }

    /**
     * The DER {@code DigestInfo} (RFC 8017 section 9.2, note 1) that PKCS #1 v1.5 signs: what
     * {@code SHA256withRSA} builds internally, built here so a precomputed digest can be signed.
     */
    byte[] digestInfo(byte[] digest) {
        if (digestInfoPrefix == null) {
            throw new IllegalStateException(this + " is not used with PKCS #1 v1.5 signatures");
        }
        byte[] info = new byte[digestInfoPrefix.length + digest.length];
        System.arraycopy(digestInfoPrefix, 0, info, 0, digestInfoPrefix.length);
        System.arraycopy(digest, 0, info, digestInfoPrefix.length, digest.length);
        return info;
    }
}
