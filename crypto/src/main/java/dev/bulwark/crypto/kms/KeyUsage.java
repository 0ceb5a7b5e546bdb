package dev.bulwark.crypto.kms;

/** KMS {@code KeyUsage}: the one family of operations a key is created for. */
public enum KeyUsage {
    ENCRYPT_DECRYPT,
    SIGN_VERIFY,
    GENERATE_VERIFY_MAC,
    KEY_AGREEMENT
}
