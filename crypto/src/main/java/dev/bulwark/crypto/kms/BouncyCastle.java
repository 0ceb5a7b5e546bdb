package dev.bulwark.crypto.kms;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance, created on first use. It is never registered with
 * {@code Security.addProvider}: only the key specs the JDK lacks ask for it by reference, so
 * everything else keeps resolving to the JDK's providers. Constructing it loads a few hundred
 * classes, which is why it waits in a holder until an SM2 or secp256k1 key (or a pre-hashed
 * RSASSA-PSS signature) needs it, well after start-up.
 */
final class BouncyCastle {
    private BouncyCastle() {
    }

    static Provider provider() {
        return Holder.PROVIDER;
    }

    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
