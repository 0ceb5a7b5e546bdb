package dev.bulwark.kms.internal;

/** KMS {@code ExpirationModelType}: whether imported key material expires. The constant names are the wire names. */
public enum ExpirationModel {
    KEY_MATERIAL_EXPIRES,
    KEY_MATERIAL_DOES_NOT_EXPIRE
}
