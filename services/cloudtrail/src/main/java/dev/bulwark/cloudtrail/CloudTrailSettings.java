package dev.bulwark.cloudtrail;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How CloudTrail runs.
 *
 * @param trailFolder      the delivery root: a trail's files go to {@code trailFolder/<S3BucketName>/<S3KeyPrefix>/AWSLogs/...}
 * @param retention        how long events stay available to LookupEvents (AWS: 90 days)
 * @param defaultAccount   where events go whose caller is unknown (a failed authentication with an unknown key)
 * @param defaultRegion    the region of events whose request named none
 * @param commitInterval   the longest a recorded call waits in memory before its batch is committed
 * @param commitBatchSize  commit at once when this many calls are waiting
 * @param queueCapacity    how many calls may wait; beyond it, calls wait for room (backpressure)
 * @param deliveryInterval how often log files are delivered (AWS: about every 5 minutes)
 * @param digestPeriod     how long one digest file covers (AWS: an hour)
 */
public record CloudTrailSettings(
        Path trailFolder,
        Duration retention,
        AccountId defaultAccount,
        Region defaultRegion,
        Duration commitInterval,
        int commitBatchSize,
        int queueCapacity,
        Duration deliveryInterval,
        Duration digestPeriod) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    public CloudTrailSettings {
        Objects.requireNonNull(trailFolder, "trailFolder");
        Objects.requireNonNull(defaultAccount, "defaultAccount");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("The retention period must be positive");
        }
    }

    /**
     * AWS's periods; a group commit at least every 200 ms or 500 calls; room for 2,000 waiting
     * calls. The queue is kept small on purpose: what waits in it is what a crash loses, and at
     * the writer's pace (over 10,000 calls a second on SQLite) 2,000 calls are a fifth of a second.
     */
    public static CloudTrailSettings defaults(Path trailFolder, AccountId defaultAccount, Region defaultRegion) {
        return new CloudTrailSettings(trailFolder, DEFAULT_RETENTION, defaultAccount, defaultRegion,
                Duration.ofMillis(200), 500, 2_000, Duration.ofMinutes(5), Duration.ofHours(1));
    }

    public CloudTrailSettings withRetention(Duration newRetention) {
        return new CloudTrailSettings(trailFolder, newRetention, defaultAccount, defaultRegion, commitInterval,
                commitBatchSize, queueCapacity, deliveryInterval, digestPeriod);
    }
}
