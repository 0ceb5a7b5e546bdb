package dev.bulwark.crypto;

/**
 * The algorithm is not one the key spec supports (ECDSA_SHA_384 with an ECC_NIST_P256 key,
 * SM2PKE with an RSA key). KMS answers {@code InvalidKeyUsageException}.
 */
public final class UnsupportedAlgorithmException extends CryptoException {
    public UnsupportedAlgorithmException(String message) {
        super(message);
    }
}
