package dev.bulwark.secretsmanager.internal.rotation;

/** A rotation step that did not succeed; the message says why and never holds a secret value. */
public final class RotationFailure extends RuntimeException {

    public RotationFailure(String message) {
        super(message, null, false, false);
    }

    public RotationFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
