package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import dev.bulwark.core.Region;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trail as stored: what CreateTrail and UpdateTrail set, its event selectors and tags, whether
 * it logs, how its deliveries went, and the state of its digest chains (one per region it
 * delivers for). The signing key's private half is not here but in its own sealed record.
 *
 * @param signingKey   the fingerprint of the key that signs this trail's digests; null until
 *                     log file validation is first enabled
 * @param digestChains by region: where the next digest starts and what it links back to
 */
public record TrailDocument(
        String name,
        String account,
        String homeRegion,
        Instant created,
        Settings settings,
        List<Selector> eventSelectors,
        boolean customEventSelectors,
        List<Tag> tags,
        Logging logging,
        Delivery delivery,
        String signingKey,
        Map<String, DigestChain> digestChains) {

    public TrailDocument {
        Objects.requireNonNull(name, "name");
        eventSelectors = List.copyOf(eventSelectors);
        tags = List.copyOf(tags);
        digestChains = Map.copyOf(digestChains);
    }

    /**
     * What CreateTrail and UpdateTrail set. Bulwark keeps the SNS, CloudWatch Logs and KMS
     * settings as given; it delivers no notifications, no CloudWatch Logs and no SSE-KMS.
     *
     * @param logFileValidationSince when validation was last turned on; null while it is off
     */
    public record Settings(
            String s3BucketName,
            String s3KeyPrefix,
            String snsTopicName,
            boolean includeGlobalServiceEvents,
            boolean multiRegion,
            boolean logFileValidation,
            Instant logFileValidationSince,
            String cloudWatchLogsLogGroupArn,
            String cloudWatchLogsRoleArn,
            String kmsKeyId) {
    }

    /** A basic event selector (management events; data resources are kept but match nothing here). */
    public record Selector(String readWriteType, boolean includeManagementEvents, List<DataResource> dataResources,
            List<String> excludeManagementEventSources) {
        public Selector {
            dataResources = List.copyOf(dataResources);
            excludeManagementEventSources = List.copyOf(excludeManagementEventSources);
        }

        /** What a trail without PutEventSelectors logs: every management event. */
        public static final Selector ALL_MANAGEMENT_EVENTS = new Selector("All", true, List.of(), List.of());
    }

    public record DataResource(String type, List<String> values) {
        public DataResource {
            values = List.copyOf(values);
        }
    }

    public record Tag(String key, String value) {
    }

    /** StartLogging and StopLogging: the latest of each. */
    public record Logging(boolean on, Instant started, Instant stopped) {
        public static final Logging NEVER_STARTED = new Logging(false, null, null);

        /** Whether an event at {@code time} falls while the trail logged. */
        public boolean covers(Instant time) {
            if (started == null || time.isBefore(started)) {
                return false;
            }
            return on || (stopped != null && time.isBefore(stopped));
        }
    }

    /** What GetTrailStatus reports about deliveries. */
    public record Delivery(Instant latestDelivery, Instant latestDeliveryAttempt, String latestDeliveryError,
            Instant latestDigestDelivery, String latestDigestDeliveryError) {
        public static final Delivery NONE = new Delivery(null, null, null, null, null);

        /** After a log file delivery at {@code time}; {@code failure} is null when it succeeded. */
        public Delivery attempted(Instant time, String failure) {
            return failure == null
                    ? new Delivery(time, time, null, latestDigestDelivery, latestDigestDeliveryError)
                    : new Delivery(latestDelivery, time, failure, latestDigestDelivery, latestDigestDeliveryError);
        }

        /** After a digest delivery at {@code time}; {@code failure} is null when it succeeded. */
        public Delivery digested(Instant time, String failure) {
            return failure == null
                    ? new Delivery(latestDelivery, latestDeliveryAttempt, latestDeliveryError, time, null)
                    : new Delivery(latestDelivery, latestDeliveryAttempt, latestDeliveryError, latestDigestDelivery, failure);
        }
    }

    /**
     * One region's digest chain: the next digest covers from {@code periodStart} and names the
     * previous digest (all null for the first digest of a chain).
     */
    public record DigestChain(Instant periodStart, String previousBucket, String previousObject,
            String previousHash, String previousSignature) {
        public static DigestChain startingAt(Instant start) {
            return new DigestChain(start, null, null, null, null);
        }
    }

    /** The selectors in force: a trail that never had PutEventSelectors logs every management event. */
    public List<Selector> selectorsInForce() {
        return eventSelectors.isEmpty() ? List.of(Selector.ALL_MANAGEMENT_EVENTS) : eventSelectors;
    }

    /** A new digest chain starts when validation was turned on or logging started, whichever is later. */
    public Instant digestChainStart() {
        Instant validationSince = settings.logFileValidationSince();
        Instant started = logging.started();
        Instant start = validationSince.isAfter(started) ? validationSince : started;
        return start.truncatedTo(ChronoUnit.SECONDS);
    }

    /** This trail, with a digest chain for every region it delivered files for, if it validates. */
    public TrailDocument withChainsFor(Collection<String> regions) {
        if (!settings.logFileValidation()) {
            return this;
        }
        Map<String, DigestChain> chains = new HashMap<>(digestChains);
        regions.forEach(region -> chains.computeIfAbsent(region, r -> DigestChain.startingAt(digestChainStart())));
        return withDigestChains(chains);
    }

    public AccountId accountId() {
        return AccountId.of(account);
    }

    public Region region() {
        return Region.of(homeRegion);
    }

    public String arn() {
        return arn(accountId(), region(), name);
    }

    public static String arn(AccountId account, Region homeRegion, String name) {
        return Arn.of(homeRegion, account, "cloudtrail", "trail/" + name).toString();
    }

    public TrailDocument withSettings(Settings newSettings) {
        return new TrailDocument(name, account, homeRegion, created, newSettings, eventSelectors, customEventSelectors,
                tags, logging, delivery, signingKey, digestChains);
    }

    public TrailDocument withEventSelectors(List<Selector> selectors) {
        return new TrailDocument(name, account, homeRegion, created, settings, selectors, true,
                tags, logging, delivery, signingKey, digestChains);
    }

    public TrailDocument withTags(List<Tag> newTags) {
        return new TrailDocument(name, account, homeRegion, created, settings, eventSelectors, customEventSelectors,
                newTags, logging, delivery, signingKey, digestChains);
    }

    public TrailDocument withLogging(Logging newLogging) {
        return new TrailDocument(name, account, homeRegion, created, settings, eventSelectors, customEventSelectors,
                tags, newLogging, delivery, signingKey, digestChains);
    }

    public TrailDocument withDelivery(Delivery newDelivery) {
        return new TrailDocument(name, account, homeRegion, created, settings, eventSelectors, customEventSelectors,
                tags, logging, newDelivery, signingKey, digestChains);
    }

    public TrailDocument withSigningKey(String fingerprint) {
        return new TrailDocument(name, account, homeRegion, created, settings, eventSelectors, customEventSelectors,
                tags, logging, delivery, fingerprint, digestChains);
    }

    public TrailDocument withDigestChains(Map<String, DigestChain> chains) {
        return new TrailDocument(name, account, homeRegion, created, settings, eventSelectors, customEventSelectors,
                tags, logging, delivery, signingKey, chains);
    }
}
