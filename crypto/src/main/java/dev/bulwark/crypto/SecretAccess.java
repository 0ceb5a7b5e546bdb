package dev.bulwark.crypto;

/**
 * A token that code must hold to read the raw bytes of a secret. It makes every place that
 * touches plaintext key material or secret values visible: search for
 * {@link InsecureSecretAccess#get()}.
 */
public final class SecretAccess {
    static final SecretAccess INSTANCE = new SecretAccess();

    private SecretAccess() {
    }
}
