package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * KMS {@code SigningAlgorithmSpec}: scheme, hash, the key specs that support it and the
 * message types it accepts. The constant names are the wire names.
 */
public enum SigningAlgorithm {
    RSASSA_PSS_SHA_256(Scheme.RSA_PSS, HashAlgorithm.SHA_256),
    RSASSA_PSS_SHA_384(Scheme.RSA_PSS, HashAlgorithm.SHA_384),
    RSASSA_PSS_SHA_512(Scheme.RSA_PSS, HashAlgorithm.SHA_512),
    RSASSA_PKCS1_V1_5_SHA_256(Scheme.RSA_PKCS1, HashAlgorithm.SHA_256),
    RSASSA_PKCS1_V1_5_SHA_384(Scheme.RSA_PKCS1, HashAlgorithm.SHA_384),
    RSASSA_PKCS1_V1_5_SHA_512(Scheme.RSA_PKCS1, HashAlgorithm.SHA_512),
    ECDSA_SHA_256(Scheme.ECDSA, HashAlgorithm.SHA_256, KeySpec.ECC_NIST_P256, KeySpec.ECC_SECG_P256K1),
    ECDSA_SHA_384(Scheme.ECDSA, HashAlgorithm.SHA_384, KeySpec.ECC_NIST_P384),
    ECDSA_SHA_512(Scheme.ECDSA, HashAlgorithm.SHA_512, KeySpec.ECC_NIST_P521),
    /** SM3 over Z_A || M, where Z_A binds the public key and the distinguishing ID 1234567812345678. */
    SM2DSA(Scheme.SM2DSA, HashAlgorithm.SM3, KeySpec.SM2),
    /** Pure Ed25519 (RFC 8032): there is no separate hash step, so RAW only. */
    ED25519_SHA_512(Scheme.ED25519, HashAlgorithm.SHA_512, KeySpec.ECC_NIST_EDWARDS25519),
    /**
     * Ed25519ph (RFC 8032) over the 64-byte message, DIGEST only. As AWS documents, the
     * algorithm still applies its own SHA-512 pre-hash, so the caller's digest is hashed again.
     */
    ED25519_PH_SHA_512(Scheme.ED25519_PH, HashAlgorithm.SHA_512, KeySpec.ECC_NIST_EDWARDS25519);

    enum Scheme { RSA_PSS, RSA_PKCS1, ECDSA, SM2DSA, ED25519, ED25519_PH }

    final Scheme scheme;
    final HashAlgorithm hash;
    private final Set<KeySpec> keySpecs;

    SigningAlgorithm(Scheme scheme, HashAlgorithm hash, KeySpec... keySpecs) {
        this.scheme = scheme;
        this.hash = hash;
        this.keySpecs = keySpecs.length > 0
                ? EnumSet.of(keySpecs[0], keySpecs)
                : EnumSet.of(KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096);
    }

    public static Optional<SigningAlgorithm> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    public String wireName() {
        return name();
    }

    public boolean supports(KeySpec spec) {
        return keySpecs.contains(spec);
    }

    public boolean accepts(MessageType type) {
        return switch (scheme) {
            case ED25519 -> type == MessageType.RAW;
            case ED25519_PH -> type == MessageType.DIGEST;
            default -> true;
        };
    }

    /** The length a DIGEST message must have: the output length of this algorithm's hash. */
    public int digestLength() {
        return hash.length;
    }

    /**
     * Rejects message types and digest lengths this algorithm cannot sign, as KMS does ({@link Signer}
     * checks again; KMS asks first to answer DryRun only for messages it would sign).
     *
     * @throws InvalidInputException with KMS's message ({@code Digest is invalid length for algorithm X.})
     */
    public void checkMessage(MessageType type, byte[] message) {
        if (!accepts(type)) {
            throw new InvalidInputException("The " + name() + " signing algorithm requires MessageType "
                    + (type == MessageType.RAW ? MessageType.DIGEST : MessageType.RAW) + ".");
        }
        if (type == MessageType.DIGEST && message.length != hash.length) {
            throw new InvalidInputException("Digest is invalid length for algorithm " + name() + ".");
        }
    }
}
