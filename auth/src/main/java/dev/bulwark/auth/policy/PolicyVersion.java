package dev.bulwark.auth.policy;

import java.util.Optional;

/**
 * The policy language versions. Only {@code 2012-10-17} has policy variables; in a
 * {@code 2008-10-17} document, or one without a Version, {@code ${aws:username}} is plain text.
 */
public enum PolicyVersion {
    V2008_10_17("2008-10-17"), V2012_10_17("2012-10-17");

    private final String text;

    PolicyVersion(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    boolean hasVariables() {
        return this == V2012_10_17;
    }

    static Optional<PolicyVersion> of(String text) {
        for (PolicyVersion version : values()) {
            if (version.text.equals(text)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
