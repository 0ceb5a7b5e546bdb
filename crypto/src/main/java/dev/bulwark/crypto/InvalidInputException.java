package dev.bulwark.crypto;

/**
 * The caller's input is malformed for the operation: a digest of the wrong length, a plaintext
 * too long for the key, a peer public key on another curve. KMS answers {@code ValidationException}.
 */
public final class InvalidInputException extends CryptoException {
    public InvalidInputException(String message) {
        super(message);
    }
}
