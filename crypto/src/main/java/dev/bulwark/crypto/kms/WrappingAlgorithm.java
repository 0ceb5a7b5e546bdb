package dev.bulwark.crypto.kms;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * KMS {@code AlgorithmSpec} for GetParametersForImport: how imported key material is wrapped.
 * RSAES_PKCS1_V1_5 is left out: AWS stopped accepting it in October 2023.
 */
public enum WrappingAlgorithm {
    /** The key material is the RSA-OAEP (SHA-1, MGF1-SHA-1) plaintext. */
    RSAES_OAEP_SHA_1(HashAlgorithm.SHA_1, false),
    /** The key material is the RSA-OAEP (SHA-256, MGF1-SHA-256) plaintext. */
    RSAES_OAEP_SHA_256(HashAlgorithm.SHA_256, false),
    /** RSA-OAEP-SHA-1 of a fresh AES-256 key, followed by AES-KWP of the key material under it. */
    RSA_AES_KEY_WRAP_SHA_1(HashAlgorithm.SHA_1, true),
    /** RSA-OAEP-SHA-256 of a fresh AES-256 key, followed by AES-KWP of the key material under it. */
    RSA_AES_KEY_WRAP_SHA_256(HashAlgorithm.SHA_256, true),
    /** SM2PKE of the key material under an SM2 wrapping key (China Regions in AWS). */
    SM2PKE(null, false);

    private static final Set<KeySpec> RSA_WRAPPING_SPECS = EnumSet.of(KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096);

    /** The OAEP hash, null for SM2PKE. */
    final HashAlgorithm oaepHash;
    /** Whether the blob is {@code RSA-OAEP(AES key) || AES-KWP(key material)}. */
    final boolean hybrid;

    WrappingAlgorithm(HashAlgorithm oaepHash, boolean hybrid) {
        this.oaepHash = oaepHash;
        this.hybrid = hybrid;
    }

    public static Optional<WrappingAlgorithm> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    public String wireName() {
        return name();
    }

    /** Whether GetParametersForImport accepts this algorithm with this {@code WrappingKeySpec}. */
    public boolean supports(KeySpec wrappingKeySpec) {
        return this == SM2PKE ? wrappingKeySpec == KeySpec.SM2 : RSA_WRAPPING_SPECS.contains(wrappingKeySpec);
    }
}
