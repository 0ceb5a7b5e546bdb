package dev.bulwark.auth.identity;

import java.util.Arrays;
import java.util.Optional;

/** Whether a long-term access key authenticates requests; inactive keys are kept but refused. */
public enum AccessKeyStatus {
    ACTIVE("Active"), INACTIVE("Inactive");

    private final String wireName;

    AccessKeyStatus(String wireName) {
        this.wireName = wireName;
    }

    /** IAM's name: {@code Active} or {@code Inactive}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<AccessKeyStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }
}
