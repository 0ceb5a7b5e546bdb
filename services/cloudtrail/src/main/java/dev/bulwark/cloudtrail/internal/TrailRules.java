package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.TrailDocument.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules CreateTrail and UpdateTrail apply to a trail's settings and tags. The bucket name
 * and key prefix also become folders under the delivery root, so on top of S3's rules they may
 * not name a way out of it ({@code ..}, absolute paths, backslashes).
 */
final class TrailRules {
    static final int MAX_TRAILS_PER_REGION = 5;
    static final int MAX_TAGS = 50;
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int MAX_PREFIX_LENGTH = 200;
    private static final Pattern SNS_TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,256}|arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");
    private static final int MAX_TAG_KEY = 128;
    private static final int MAX_TAG_VALUE = 256;

    private TrailRules() {
    }

    static void checkBucket(String bucket) {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..") || bucket.contains(".-")
                || bucket.contains("-.") || IP_ADDRESS.matcher(bucket).matches()) {
            throw CloudTrailErrors.invalidBucketName(String.valueOf(bucket));
        }
    }

    static void checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return;
        }
        boolean escapes = prefix.startsWith("/") || prefix.contains("\\")
                || List.of(prefix.split("/")).stream().anyMatch(segment -> segment.equals("..") || segment.equals("."));
        boolean control = prefix.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
        if (prefix.length() > MAX_PREFIX_LENGTH || escapes || control) {
            throw CloudTrailErrors.invalidPrefix(prefix);
        }
    }

    static void checkSnsTopic(String topic) {
        if (topic != null && !topic.isEmpty() && !SNS_TOPIC.matcher(topic).matches()) {
            throw CloudTrailErrors.invalidSnsTopicName(topic);
        }
    }

    static void checkCombination(boolean multiRegion, boolean includeGlobalServiceEvents, Boolean organizationTrail) {
        if (multiRegion && !includeGlobalServiceEvents) {
            throw CloudTrailErrors.parameterCombination("Multi-Region trail must include global service events.");
        }
        if (Boolean.TRUE.equals(organizationTrail)) {
            throw CloudTrailErrors.organizationsNotInUse();
        }
    }

    static void checkTags(List<Tag> tags) {
        if (tags.size() > MAX_TAGS) {
            throw CloudTrailErrors.tagsLimitExceeded();
        }
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > MAX_TAG_KEY) {
                throw CloudTrailErrors.invalidTag("Tag keys must be 1 to " + MAX_TAG_KEY + " characters long.");
            }
            if (tag.value() != null && tag.value().length() > MAX_TAG_VALUE) {
                throw CloudTrailErrors.invalidTag("Tag values must be at most " + MAX_TAG_VALUE + " characters long.");
            }
            if (tag.key().startsWith("aws:")) {
                throw CloudTrailErrors.invalidTag("Tag keys may not start with aws:.");
            }
            if (!keys.add(tag.key())) {
                throw CloudTrailErrors.invalidTag("Duplicate tag key: " + tag.key());
            }
        }
    }
}
