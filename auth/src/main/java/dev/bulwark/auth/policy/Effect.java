package dev.bulwark.auth.policy;

/** A statement's Effect. */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String awsName;

    Effect(String awsName) {
        this.awsName = awsName;
    }

    /** The name as a policy writes it. */
    public String awsName() {
        return awsName;
    }
}
