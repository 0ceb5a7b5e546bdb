package dev.bulwark.core;

import java.util.regex.Pattern;

/** An AWS region name such as {@code us-east-1}; resources are scoped by account and region. */
public record Region(String name) {
    // AWS region names: partition-style prefix, a direction and a number (us-gov-west-1, eu-central-2, ...).
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    public static final Region US_EAST_1 = new Region("us-east-1");

    public Region {
        if (name == null || !REGION.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a region name: " + name);
        }
    }

    public static Region of(String name) {
        return new Region(name);
    }

    public static boolean isValid(String name) {
        return name != null && REGION.matcher(name).matches();
    }

    /** The partition a region belongs to, which prefixes every ARN made in it. */
    public String partition() {
        if (name.startsWith("cn-")) {
            return "aws-cn";
        }
        if (name.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    @Override
    public String toString() {
        return name;
    }
}
