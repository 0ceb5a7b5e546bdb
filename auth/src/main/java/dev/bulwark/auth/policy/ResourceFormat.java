package dev.bulwark.auth.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * IAM's checks of a Resource or NotResource entry, with IAM's messages.
 *
 * <p>IAM reads an entry as colon-separated parts and checks them in order: there must be a colon;
 * the second part must be a partition or {@code *}; there must be a service part; IAM and S3
 * resources carry no region (S3 access points excepted). What it calls "legacy parsing" then
 * rejects entries that have fewer than six parts yet contain {@code ::} (a misplaced empty part,
 * as in {@code arn:aws:s3::bucket}) or an empty service. The first part is not checked: IAM
 * accepts any text there.
 */
final class ResourceFormat {
    private static final Set<String> PARTITIONS = Set.of(
            "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");

    private ResourceFormat() {
    }

    /** IAM's message for an entry of the wrong form, or empty if its form is acceptable. */
    static Optional<String> formatError(String resource) {
        if (resource.equals("*")) {
            return Optional.empty();
        }
        int firstColon = resource.indexOf(':');
        if (firstColon < 0) {
            return Optional.of("Resource " + resource + " must be in ARN format or \"*\".");
        }
        String afterPrefix = resource.substring(firstColon + 1);
        int secondColon = afterPrefix.indexOf(':');
        String partition = secondColon < 0 ? afterPrefix : afterPrefix.substring(0, secondColon);
        if (!partition.equals("*") && !PARTITIONS.contains(partition)) {
            String rest = secondColon < 0 ? "" : afterPrefix.substring(secondColon + 1);
            return Optional.of(invalidPartition(partition, rest));
        }
        if (secondColon < 0) {
            return Optional.of("Resource vendor must be fully qualified and cannot contain regexes.");
        }
        String[] parts = afterPrefix.substring(secondColon + 1).split(":", 4);
        String service = parts[0];
        boolean hasRegion = parts.length > 1 && !parts[1].isEmpty();
        String resourceId = parts.length > 3 ? parts[3] : "";
        if (hasRegion && service.equals("iam")) {
            return Optional.of("IAM resource " + resource + " cannot contain region information.");
        }
        if (hasRegion && service.equals("s3") && !resourceId.startsWith("accesspoint/")) {
            return Optional.of("Resource " + resource + " can not contain region information.");
        }
        return Optional.empty();
    }

    /** Whether an entry of acceptable form passes IAM's legacy parsing. */
    static boolean passesLegacyParsing(String resource) {
        if (resource.equals("*")) {
            return true;
        }
        String[] parts = resource.split(":", -1);
        boolean wellPlacedEmptyParts = parts.length >= 6 || !resource.contains("::");
        return wellPlacedEmptyParts && parts.length > 2 && !parts[2].isEmpty();
    }

    // IAM shows the entry as the six-part ARN it tried to read, '*' standing for what was missing.
    private static String invalidPartition(String partition, String rest) {
        String[] parts = rest.split(":", -1);
        String service = parts[0].isEmpty() && parts.length == 1 ? "*" : parts[0];
        String region = parts.length > 1 ? parts[1] : "*";
        String account = parts.length > 2 ? parts[2] : "*";
        String resourceId = parts.length > 3 ? String.join(":", Arrays.copyOfRange(parts, 3, parts.length)) : "*";
        return "Partition \"" + partition + "\" is not valid for resource \"arn:" + partition + ":" + service + ":"
                + region + ":" + account + ":" + resourceId + "\".";
    }
}
