package dev.bulwark.kms.internal;

/**
 * KMS {@code KeyState}. The constant names are the wire names; {@link #phrase()} completes AWS's
 * error sentence {@code arn:aws:kms:...:key/... is pending deletion.}
 */
public enum KeyState {
    Creating("creating"),
    Enabled("enabled"),
    Disabled("disabled"),
    PendingDeletion("pending deletion"),
    PendingImport("pending import"),
    PendingReplicaDeletion("pending replica deletion"),
    Unavailable("unavailable"),
    Updating("updating");

    private final String phrase;

    KeyState(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }
}
