package dev.bulwark.crypto.kms;

import java.util.Arrays;
import java.util.Optional;

/** KMS {@code MacAlgorithmSpec}: HMAC with one SHA-2 hash, valid for the HMAC key of that size. */
public enum MacAlgorithm {
    HMAC_SHA_224(HashAlgorithm.SHA_224, KeySpec.HMAC_224),
    HMAC_SHA_256(HashAlgorithm.SHA_256, KeySpec.HMAC_256),
    HMAC_SHA_384(HashAlgorithm.SHA_384, KeySpec.HMAC_384),
    HMAC_SHA_512(HashAlgorithm.SHA_512, KeySpec.HMAC_512);

    final HashAlgorithm hash;
    private final KeySpec keySpec;

    MacAlgorithm(HashAlgorithm hash, KeySpec keySpec) {
        this.hash = hash;
        this.keySpec = keySpec;
    }

    public static Optional<MacAlgorithm> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    public String wireName() {
        return name();
    }

    public boolean supports(KeySpec spec) {
        return keySpec == spec;
    }

    /** The MAC's length in bytes. */
    public int length() {
        return hash.length;
    }

    String jcaName() {
        return "Hmac" + hash.signaturePrefix;
    }
}
