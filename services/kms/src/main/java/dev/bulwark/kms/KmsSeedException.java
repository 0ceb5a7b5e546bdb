package dev.bulwark.kms;

/**
 * A KMS seed file that cannot be applied: malformed, or naming a key that exists as another key.
 * The message says which entry and why, never with key material; the server stops with it.
 */
public final class KmsSeedException extends RuntimeException {
    public KmsSeedException(String message) {
        super(message);
    }
}
