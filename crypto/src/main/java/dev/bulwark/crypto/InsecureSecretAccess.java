package dev.bulwark.crypto;

/** Hands out {@link SecretAccess}. Calling it is a statement: this code handles raw secrets. */
public final class InsecureSecretAccess {
    private InsecureSecretAccess() {
    }

    public static SecretAccess get() {
        return SecretAccess.INSTANCE;
    }
}
