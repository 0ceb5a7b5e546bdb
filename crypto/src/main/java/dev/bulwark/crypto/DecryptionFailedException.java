package dev.bulwark.crypto;

/**
 * A ciphertext or wrapped key did not open with the given key. Deliberately says nothing about
 * why (padding, tag, length), so it cannot serve as a padding oracle. KMS answers
 * {@code InvalidCiphertextException}.
 */
public final class DecryptionFailedException extends CryptoException {
    public DecryptionFailedException() {
        super("The ciphertext is invalid or was not produced with this key and algorithm.");
    }
}
