package dev.bulwark.crypto;

/**
 * Key material cannot be used as the key spec says: an encoding that does not parse, an RSA
 * modulus of another size, a point on another curve. For imported material KMS answers
 * {@code IncorrectKeyMaterialException}; for stored keys it is an internal fault.
 */
public final class InvalidKeyMaterialException extends CryptoException {
    public InvalidKeyMaterialException(String message) {
        super(message);
    }

    public InvalidKeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
