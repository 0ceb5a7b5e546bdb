package dev.bulwark.cloudtrail.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where CloudTrail puts files, as S3 object keys, and where they land on disk: a trail's bucket
 * is a folder under the delivery root and the object key is the path below it.
 * <pre>
 *   [prefix/]AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz
 *   [prefix/]AWSLogs/ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ.json.gz
 * </pre>
 * Dates are UTC: a log file's are its delivery time, a digest's its period's end. The unique
 * part is 16 random letters and digits, as AWS makes it.
 */
public final class DeliveryPaths {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DIGEST_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String REGION = "[a-z]{2}(?:-[a-z]+)+-\\d{1,2}";
    private static final Pattern LOG_FILE = Pattern.compile(
            "(\\d{12})_CloudTrail_(" + REGION + ")_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]{16}\\.json\\.gz");
    private static final Pattern DIGEST_FILE = Pattern.compile(
            "(\\d{12})_CloudTrail-Digest_(" + REGION + ")_(.+)_(" + REGION + ")_(\\d{8}T\\d{6}Z)\\.json\\.gz");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int UNIQUE_LENGTH = 16;

    private DeliveryPaths() {
    }

    public static String logFileKey(String prefix, String account, String region, Instant delivered, String unique) {
        return withPrefix(prefix) + "AWSLogs/" + account + "/CloudTrail/" + region + "/" + DAY.format(delivered) + "/"
                + account + "_CloudTrail_" + region + "_" + LOG_STAMP.format(delivered) + "_" + unique + ".json.gz";
    }

    public static String digestKey(String prefix, String account, String region, String trailName, String homeRegion,
            Instant end) {
        return withPrefix(prefix) + "AWSLogs/" + account + "/CloudTrail-Digest/" + region + "/" + DAY.format(end) + "/"
                + account + "_CloudTrail-Digest_" + region + "_" + trailName + "_" + homeRegion + "_"
                + DIGEST_STAMP.format(end) + ".json.gz";
    }

    public static String uniqueString(SecureRandom random) {
        StringBuilder unique = new StringBuilder(UNIQUE_LENGTH);
        for (int i = 0; i < UNIQUE_LENGTH; i++) {
            unique.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return unique.toString();
    }

    /**
     * The file of an S3 object under the delivery root. Trail settings are checked when they
     * are stored, so this never leaves the root; it still refuses to, as a second guard.
     */
    public static Path file(Path root, String bucket, String key) {
        Path base = root.toAbsolutePath().normalize();
        Path bucketFolder = base.resolve(bucket).normalize();
        Path file = bucketFolder.resolve(key).normalize();
        if (!base.equals(bucketFolder.getParent()) || !file.startsWith(bucketFolder) || file.equals(bucketFolder)) {
            throw new IllegalArgumentException("Bucket " + bucket + " and key " + key + " leave the delivery folder");
        }
        return file;
    }

    /** What a log file's name says. */
    public record LogFileName(String account, String region, Instant deliveredMinute) {
    }

    /** What a digest file's name says. */
    public record DigestFileName(String account, String region, String trailName, String homeRegion, Instant end) {
    }

    public static Optional<LogFileName> parseLogFileName(String fileName) {
        Matcher m = LOG_FILE.matcher(fileName);
        return m.matches()
                ? Optional.of(new LogFileName(m.group(1), m.group(2), LOG_STAMP.parse(m.group(3), Instant::from)))
                : Optional.empty();
    }

    public static Optional<DigestFileName> parseDigestFileName(String fileName) {
        Matcher m = DIGEST_FILE.matcher(fileName);
        return m.matches()
                ? Optional.of(new DigestFileName(m.group(1), m.group(2), m.group(3), m.group(4),
                        DIGEST_STAMP.parse(m.group(5), Instant::from)))
                : Optional.empty();
    }

    private static String withPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
