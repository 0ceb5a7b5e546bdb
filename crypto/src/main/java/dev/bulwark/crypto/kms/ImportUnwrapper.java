package dev.bulwark.crypto.kms;

import dev.bulwark.crypto.AesKeyWrapPad;
import dev.bulwark.crypto.DecryptionFailedException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.UnsupportedAlgorithmException;
import java.util.Arrays;

/**
 * Opens the {@code EncryptedKeyMaterial} of KMS ImportKeyMaterial with the private half of the
 * wrapping key handed out by GetParametersForImport.
 *
 * <p>The RSA_AES_KEY_WRAP algorithms are what AWS's OpenSSL recipe builds: a fresh 256-bit AES
 * key encrypted with RSA-OAEP (its length is the modulus length), followed by the key material
 * wrapped under that AES key with AES-KWP (RFC 5649). Any failure in either half is one
 * {@link DecryptionFailedException}, so callers cannot tell which half was wrong.
 */
public final class ImportUnwrapper {
    private static final int EPHEMERAL_AES_KEY_LENGTH = 32;

    private ImportUnwrapper() {
    }

    /**
     * @param wrappingKeySpec RSA_2048, RSA_3072, RSA_4096 or SM2
     * @param wrappingPrivateKey PKCS #8 DER of the wrapping key
     */
    public static SecretBytes unwrap(KeySpec wrappingKeySpec, WrappingAlgorithm algorithm, SecretBytes wrappingPrivateKey,
                                     byte[] encryptedKeyMaterial) {
        if (!algorithm.supports(wrappingKeySpec)) {
            throw new UnsupportedAlgorithmException("The wrapping algorithm " + algorithm + " is not supported by wrapping key spec " + wrappingKeySpec + ".");
        }
        if (algorithm == WrappingAlgorithm.SM2PKE) {
            return Sm2.decrypt(wrappingPrivateKey, encryptedKeyMaterial);
        }
        if (!algorithm.hybrid) {
            return RsaOaep.decrypt(wrappingKeySpec, wrappingPrivateKey, algorithm.oaepHash, encryptedKeyMaterial);
        }
        int rsaLength = wrappingKeySpec.bits / 8;
        if (encryptedKeyMaterial.length <= rsaLength) {
            throw new DecryptionFailedException();
        }
        SecretBytes aesKey = RsaOaep.decrypt(wrappingKeySpec, wrappingPrivateKey, algorithm.oaepHash,
                Arrays.copyOf(encryptedKeyMaterial, rsaLength));
        try {
            if (aesKey.size() != EPHEMERAL_AES_KEY_LENGTH) {
                throw new DecryptionFailedException();
            }
            return AesKeyWrapPad.unwrap(aesKey, Arrays.copyOfRange(encryptedKeyMaterial, rsaLength, encryptedKeyMaterial.length));
        } finally {
            aesKey.destroy();
        }
    }
}
