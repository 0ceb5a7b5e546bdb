package dev.bulwark.crypto.kms;

/**
 * KMS {@code MessageType} for Sign and Verify: {@code RAW} messages are hashed by the signing
 * algorithm, {@code DIGEST} messages are the hash already and must have its exact length.
 * ({@code EXTERNAL_MU} belongs to ML-DSA, which Bulwark does not implement yet.)
 */
public enum MessageType {
    RAW,
    DIGEST
}
