package dev.bulwark.crypto;

/**
 * A cryptographic operation refused its input. Callers map each subclass to their protocol's
 * error (KMS: {@code ValidationException}, {@code InvalidCiphertextException}, ...). Messages are
 * written for clients: they name algorithms and lengths, never key material or plaintext.
 *
 * <p>Most of these are client faults on hot paths, so they skip the stack trace unless they wrap
 * a cause worth keeping.
 */
public abstract class CryptoException extends RuntimeException {
    protected CryptoException(String message) {
        super(message, null, false, false);
    }

    protected CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
