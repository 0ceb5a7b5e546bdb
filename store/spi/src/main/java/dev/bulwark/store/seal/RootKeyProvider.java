package dev.bulwark.store.seal;

import dev.bulwark.crypto.SecretBytes;

/**
 * Where the root key comes from: a key file in the data folder by default
 * ({@link KeyFileRootKeyProvider}), an HSM later. The root key only wraps data keys; it never
 * seals records itself, so replacing the provider means re-wrapping a handful of data keys.
 */
public interface RootKeyProvider {

    /** The 32-byte root key. Called once when the store opens. */
    SecretBytes rootKey();

    /** Where the key comes from, for error messages (a path, a token label); never the key. */
    String description();
}
