package dev.bulwark.crypto.kms;

import java.util.Arrays;
import java.util.Optional;

/** KMS {@code KeyAgreementAlgorithmSpec}. */
public enum KeyAgreementAlgorithm {
    /** Elliptic-curve cofactor Diffie-Hellman (NIST SP 800-56A): the shared point's x-coordinate. */
    ECDH;

    public static Optional<KeyAgreementAlgorithm> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    public String wireName() {
        return name();
    }

    public boolean supports(KeySpec spec) {
        return spec.allows(KeyUsage.KEY_AGREEMENT);
    }
}
