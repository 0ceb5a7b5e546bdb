package dev.bulwark.crypto.kms;

import static dev.bulwark.crypto.kms.KeyUsage.ENCRYPT_DECRYPT;
import static dev.bulwark.crypto.kms.KeyUsage.GENERATE_VERIFY_MAC;
import static dev.bulwark.crypto.kms.KeyUsage.KEY_AGREEMENT;
import static dev.bulwark.crypto.kms.KeyUsage.SIGN_VERIFY;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * KMS {@code KeySpec}: the kind of key material and everything that follows from it, the key
 * usages a key of this spec may be created with and the algorithms it supports, exactly as AWS
 * lists them (CreateKey's KeyUsage rules, DescribeKey's algorithm lists). The constant names are
 * the wire names. ML-DSA specs are not implemented.
 */
public enum KeySpec {
    SYMMETRIC_DEFAULT(Family.AES, 256, null, EnumSet.of(ENCRYPT_DECRYPT)),
    RSA_2048(Family.RSA, 2048, null, EnumSet.of(ENCRYPT_DECRYPT, SIGN_VERIFY)),
    RSA_3072(Family.RSA, 3072, null, EnumSet.of(ENCRYPT_DECRYPT, SIGN_VERIFY)),
    RSA_4096(Family.RSA, 4096, null, EnumSet.of(ENCRYPT_DECRYPT, SIGN_VERIFY)),
    ECC_NIST_P256(Family.EC, 256, "secp256r1", EnumSet.of(SIGN_VERIFY, KEY_AGREEMENT)),
    ECC_NIST_P384(Family.EC, 384, "secp384r1", EnumSet.of(SIGN_VERIFY, KEY_AGREEMENT)),
    ECC_NIST_P521(Family.EC, 521, "secp521r1", EnumSet.of(SIGN_VERIFY, KEY_AGREEMENT)),
    /** Signing only: AWS offers key agreement on the NIST curves and SM2, not on secp256k1. */
    ECC_SECG_P256K1(Family.EC, 256, "secp256k1", EnumSet.of(SIGN_VERIFY)),
    ECC_NIST_EDWARDS25519(Family.ED25519, 256, null, EnumSet.of(SIGN_VERIFY)),
    HMAC_224(Family.HMAC, 224, null, EnumSet.of(GENERATE_VERIFY_MAC)),
    HMAC_256(Family.HMAC, 256, null, EnumSet.of(GENERATE_VERIFY_MAC)),
    HMAC_384(Family.HMAC, 384, null, EnumSet.of(GENERATE_VERIFY_MAC)),
    HMAC_512(Family.HMAC, 512, null, EnumSet.of(GENERATE_VERIFY_MAC)),
    /** China Regions only in AWS; an elliptic curve key (sm2p256v1) with its own algorithms. */
    SM2(Family.EC, 256, "sm2p256v1", EnumSet.of(ENCRYPT_DECRYPT, SIGN_VERIFY, KEY_AGREEMENT));

    enum Family { AES, HMAC, RSA, EC, ED25519 }

    final Family family;
    /** Key length for AES and HMAC, modulus length for RSA, field size for curves. */
    final int bits;
    /** The curve's standard name for the JCA (ECGenParameterSpec), null unless {@link Family#EC}. */
    final String curveName;
    private final Set<KeyUsage> keyUsages;

    KeySpec(Family family, int bits, String curveName, Set<KeyUsage> keyUsages) {
        this.family = family;
        this.bits = bits;
        this.curveName = curveName;
        this.keyUsages = keyUsages;
    }

    public static Optional<KeySpec> fromWireName(String name) {
        return Arrays.stream(values()).filter(spec -> spec.name().equals(name)).findFirst();
    }

    public String wireName() {
        return name();
    }

    /** Symmetric specs hold one secret; the others hold a key pair. */
    public boolean isSymmetric() {
        return family == Family.AES || family == Family.HMAC;
    }

    /** The key usages CreateKey accepts with this spec. */
    public Set<KeyUsage> keyUsages() {
        return EnumSet.copyOf(keyUsages);
    }

    public boolean allows(KeyUsage usage) {
        return keyUsages.contains(usage);
    }

    /** DescribeKey's {@code SigningAlgorithms} for a SIGN_VERIFY key of this spec. */
    public List<SigningAlgorithm> signingAlgorithms() {
        return Arrays.stream(SigningAlgorithm.values()).filter(a -> a.supports(this)).toList();
    }

    /** DescribeKey's {@code EncryptionAlgorithms} for an ENCRYPT_DECRYPT key of this spec. */
    public List<EncryptionAlgorithm> encryptionAlgorithms() {
        return Arrays.stream(EncryptionAlgorithm.values()).filter(a -> a.supports(this)).toList();
    }

    /** DescribeKey's {@code MacAlgorithms} for an HMAC key of this spec. */
    public List<MacAlgorithm> macAlgorithms() {
        return Arrays.stream(MacAlgorithm.values()).filter(a -> a.supports(this)).toList();
    }

    /** DescribeKey's {@code KeyAgreementAlgorithms} for a KEY_AGREEMENT key of this spec. */
    public List<KeyAgreementAlgorithm> keyAgreementAlgorithms() {
        return Arrays.stream(KeyAgreementAlgorithm.values()).filter(a -> a.supports(this)).toList();
    }

    /** The JDK has no secp256k1 (removed in 16) and no SM2; those keys go through Bouncy Castle. */
    boolean needsBouncyCastle() {
        return this == ECC_SECG_P256K1 || this == SM2;
    }
}
