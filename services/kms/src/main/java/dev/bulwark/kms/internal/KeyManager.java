package dev.bulwark.kms.internal;

/** KMS {@code KeyManagerType}: customer managed keys, or AWS managed keys ({@code alias/aws/...}). */
public enum KeyManager {
    CUSTOMER,
    AWS
}
