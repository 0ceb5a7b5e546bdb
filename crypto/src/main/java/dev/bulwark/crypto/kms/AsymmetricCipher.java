package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.InvalidInputException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.UnsupportedAlgorithmException;
import java.security.SecureRandom;

/**
 * KMS Encrypt and Decrypt with an asymmetric key: RSAES_OAEP_SHA_1 and RSAES_OAEP_SHA_256 with
 * RSA keys, SM2PKE with SM2 keys. Plaintexts longer than KMS allows for the key spec and
 * algorithm are refused before any cryptography ({@link EncryptionAlgorithm#maxPlaintextLength}).
 */
public final class AsymmetricCipher {
    private AsymmetricCipher() {
    }

    /** @param publicKey X.509 SubjectPublicKeyInfo DER of a key of {@code spec} */
    public static byte[] encrypt(KeySpec spec, byte[] publicKey, EncryptionAlgorithm algorithm, byte[] plaintext,
                                 SecureRandom random) {
        checkSupported(spec, algorithm);
        int max = algorithm.maxPlaintextLength(spec);
        if (plaintext.length > max) {
            throw new InvalidInputException("Plaintext is too long for " + algorithm + " with key spec " + spec
                    + ": the maximum is " + max + " bytes.");
        }
        if (plaintext.length == 0) {
            throw new InvalidInputException("Plaintext must not be empty.");
        }
        return algorithm == EncryptionAlgorithm.SM2PKE
                ? Sm2.encrypt(publicKey, plaintext, random)
                : RsaOaep.encrypt(spec, publicKey, algorithm.oaepHash, plaintext, random);
    }

    /**
     * @param privateKey PKCS #8 DER of a key of {@code spec}
     * @throws dev.bulwark.crypto.DecryptionFailedException if the ciphertext does not open
     */
    public static SecretBytes decrypt(KeySpec spec, SecretBytes privateKey, EncryptionAlgorithm algorithm, byte[] ciphertext) {
        checkSupported(spec, algorithm);
        return algorithm == EncryptionAlgorithm.SM2PKE
                ? Sm2.decrypt(privateKey, ciphertext)
                : RsaOaep.decrypt(spec, privateKey, algorithm.oaepHash, ciphertext);
    }

    private static void checkSupported(KeySpec spec, EncryptionAlgorithm algorithm) {
        if (algorithm == EncryptionAlgorithm.SYMMETRIC_DEFAULT || !algorithm.supports(spec)) {
            throw new UnsupportedAlgorithmException("The encryption algorithm " + algorithm + " is not supported by key spec " + spec + ".");
        }
    }
}
