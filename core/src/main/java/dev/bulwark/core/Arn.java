package dev.bulwark.core;

import java.util.Optional;

/**
 * An Amazon Resource Name: {@code arn:partition:service:region:account:resource}. Region and
 * account may be empty (IAM ARNs have no region, S3 bucket ARNs neither).
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public Arn {
        require(partition, "partition");
        require(service, "service");
        require(resource, "resource");
        region = region == null ? "" : region;
        account = account == null ? "" : account;
    }

    public static Arn of(Region region, AccountId account, String service, String resource) {
        return new Arn(region.partition(), service, region.name(), account.value(), resource);
    }

    /** An ARN without a region, as IAM and STS make them. */
    public static Arn global(AccountId account, String service, String resource) {
        return new Arn("aws", service, "", account.value(), resource);
    }

    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    private static void require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("An ARN needs a " + what);
        }
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
