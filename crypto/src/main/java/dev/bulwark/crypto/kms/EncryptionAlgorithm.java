package dev.bulwark.crypto.kms;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** KMS {@code EncryptionAlgorithmSpec}. The constant names are the wire names. */
public enum EncryptionAlgorithm {
    /** AES-256-GCM under a symmetric KMS key; the ciphertext format belongs to the KMS service. */
    SYMMETRIC_DEFAULT(null, EnumSet.of(KeySpec.SYMMETRIC_DEFAULT)),
    /** RSA-OAEP with SHA-1 and MGF1-SHA-1. */
    RSAES_OAEP_SHA_1(HashAlgorithm.SHA_1, EnumSet.of(KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096)),
    /** RSA-OAEP with SHA-256 and MGF1-SHA-256 (not the JDK's default MGF1-SHA-1). */
    RSAES_OAEP_SHA_256(HashAlgorithm.SHA_256, EnumSet.of(KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096)),
    /** SM2 public-key encryption (GB/T 32918.4), ciphertext in the GM/T 0009 ASN.1 form. */
    SM2PKE(null, EnumSet.of(KeySpec.SM2));

    /** The OAEP hash, null for the non-RSA algorithms. */
    final HashAlgorithm oaepHash;
    private final Set<KeySpec> keySpecs;

    EncryptionAlgorithm(HashAlgorithm oaepHash, Set<KeySpec> keySpecs) {
        this.oaepHash = oaepHash;
        this.keySpecs = keySpecs;
    }

    public static Optional<EncryptionAlgorithm> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    public String wireName() {
        return name();
    }

    public boolean supports(KeySpec spec) {
        return keySpecs.contains(spec);
    }

    /**
     * The longest plaintext KMS encrypts with this algorithm and key spec: for RSA-OAEP the
     * RFC 8017 bound {@code k - 2 hLen - 2} (RSA_2048: 214 with SHA-1, 190 with SHA-256), for
     * SM2PKE the 1,024 bytes AWS documents, for SYMMETRIC_DEFAULT 4,096 bytes.
     */
    public int maxPlaintextLength(KeySpec spec) {
        if (!supports(spec)) {
            throw new IllegalArgumentException(name() + " does not apply to " + spec);
        }
        return switch (this) {
            case SYMMETRIC_DEFAULT -> 4096;
            case SM2PKE -> 1024;
            case RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256 -> spec.bits / 8 - 2 * oaepHash.length - 2;
        };
    }
}
