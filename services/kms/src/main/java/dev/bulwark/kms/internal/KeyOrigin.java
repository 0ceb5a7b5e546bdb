package dev.bulwark.kms.internal;

/** KMS {@code OriginType}: where a key's material comes from. The constant names are the wire names. */
public enum KeyOrigin {
    AWS_KMS,
    EXTERNAL,
    AWS_CLOUDHSM,
    EXTERNAL_KEY_STORE
}
