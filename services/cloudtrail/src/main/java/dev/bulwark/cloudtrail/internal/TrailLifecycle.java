package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.TrailDocument.Settings;
import dev.bulwark.core.call.Caller;
import dev.bulwark.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.DeleteTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.DeleteTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailInfo;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailResponse;

/**
 * Creating, reading, changing and deleting trails. A trail is created in the caller's region
 * (its home region), not logging until StartLogging, with the default event selector (every
 * management event). Turning on log file validation gives the trail a signing key pair the first
 * time; the key is made before the transaction, because generation is slow and transactions may
 * be retried.
 */
public final class TrailLifecycle {
    private final Store store;
    private final Clock clock;
    private final SecureRandom random;

    public TrailLifecycle(Store store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    public CreateTrailResponse createTrail(Caller caller, CreateTrailRequest request) {
        TrailNames.check(request.name());
        String arn = TrailDocument.arn(caller.account(), caller.region(), request.name());
        caller.authorize("cloudtrail:CreateTrail", arn);
        boolean includeGlobal = Optional.ofNullable(request.includeGlobalServiceEvents()).orElse(true);
        boolean multiRegion = Optional.ofNullable(request.isMultiRegionTrail()).orElse(false);
        boolean validation = Optional.ofNullable(request.enableLogFileValidation()).orElse(false);
        TrailRules.checkBucket(request.s3BucketName());
        TrailRules.checkPrefix(request.s3KeyPrefix());
        TrailRules.checkSnsTopic(request.snsTopicName());
        TrailRules.checkCombination(multiRegion, includeGlobal, request.isOrganizationTrail());
        List<TrailDocument.Tag> tags = TrailViews.tagsOf(request.tagsList());
        TrailRules.checkTags(tags);

        Instant now = clock.instant();
        Optional<SigningKeys.NewKey> key = validation ? Optional.of(SigningKeys.generate(random)) : Optional.empty();
        Settings settings = new Settings(request.s3BucketName(), request.s3KeyPrefix(), request.snsTopicName(),
                includeGlobal, multiRegion, validation, validation ? now : null, request.cloudWatchLogsLogGroupArn(),
                request.cloudWatchLogsRoleArn(), request.kmsKeyId());
        TrailDocument trail = new TrailDocument(request.name(), caller.account().value(), caller.region().name(), now,
                settings, List.of(), false, tags, TrailDocument.Logging.NEVER_STARTED, TrailDocument.Delivery.NONE,
                key.map(SigningKeys.NewKey::fingerprint).orElse(null), Map.of());
        store.write(tx -> {
            List<TrailDocument> existing = Trails.visibleIn(tx, caller.account(), caller.region());
            boolean nameTaken = existing.stream().anyMatch(t -> t.name().equals(request.name()))
                    || (multiRegion && Trails.ofAccount(tx, caller.account()).stream()
                            .anyMatch(t -> t.name().equals(request.name())));
            if (nameTaken) {
                throw CloudTrailErrors.trailAlreadyExists(caller.account(), request.name());
            }
            if (existing.size() >= TrailRules.MAX_TRAILS_PER_REGION) {
                throw CloudTrailErrors.maximumTrails(caller.account(), caller.region(), TrailRules.MAX_TRAILS_PER_REGION);
            }
            key.ifPresent(k -> SigningKeys.store(tx, caller.account(), caller.region(), arn, k, now));
            Trails.put(tx, trail);
            return null;
        });
        return CreateTrailResponse.builder()
                .name(trail.name())
                .s3BucketName(settings.s3BucketName())
                .s3KeyPrefix(settings.s3KeyPrefix())
                .snsTopicName(settings.snsTopicName())
                .snsTopicARN(TrailViews.snsTopicArn(trail))
                .includeGlobalServiceEvents(includeGlobal)
                .isMultiRegionTrail(multiRegion)
                .trailARN(arn)
                .logFileValidationEnabled(validation)
                .cloudWatchLogsLogGroupArn(settings.cloudWatchLogsLogGroupArn())
                .cloudWatchLogsRoleArn(settings.cloudWatchLogsRoleArn())
                .kmsKeyId(settings.kmsKeyId())
                .isOrganizationTrail(false)
                .build();
    }

    public GetTrailResponse getTrail(Caller caller, GetTrailRequest request) {
        TrailDocument trail = store.read(tx -> TrailLookup.visible(tx, caller, request.name()));
        caller.authorize("cloudtrail:GetTrail", trail.arn());
        return GetTrailResponse.builder().trail(TrailViews.trail(trail)).build();
    }

    /**
     * Without names: the trails the region sees (shadow trails unless excluded). With names:
     * those that exist; a name matches the region's own trails, an ARN any visible trail, and
     * names that match nothing are left out, as AWS leaves them out.
     */
    public DescribeTrailsResponse describeTrails(Caller caller, DescribeTrailsRequest request) {
        caller.authorize("cloudtrail:DescribeTrails", "*");
        boolean includeShadows = Optional.ofNullable(request.includeShadowTrails()).orElse(true);
        List<Trail> trails = store.read(tx -> {
            List<TrailDocument> visible = Trails.visibleIn(tx, caller.account(), caller.region()).stream()
                    .filter(t -> includeShadows || t.homeRegion().equals(caller.region().name()))
                    .toList();
            if (request.trailNameList().isEmpty()) {
                return visible.stream().map(TrailViews::trail).toList();
            }
            return request.trailNameList().stream()
                    .map(name -> TrailNames.parse(name, caller.account(), caller.region()))
                    .flatMap(id -> visible.stream().filter(t -> id.byArn()
                            ? t.arn().equals(id.arn())
                            : t.name().equals(id.name()) && t.homeRegion().equals(caller.region().name())))
                    .distinct()
                    .map(TrailViews::trail)
                    .toList();
        });
        return DescribeTrailsResponse.builder().trailList(trails).build();
    }

    /** Every trail of the account, in every region. */
    public ListTrailsResponse listTrails(Caller caller, ListTrailsRequest request) {
        caller.authorize("cloudtrail:ListTrails", "*");
        List<TrailInfo> trails = store.read(tx -> Trails.ofAccount(tx, caller.account())).stream()
                .map(t -> TrailInfo.builder().trailARN(t.arn()).name(t.name()).homeRegion(t.homeRegion()).build())
                .toList();
        return ListTrailsResponse.builder().trails(trails).build();
    }

    /** Changes what the request names; everything else stays. Must be called in the trail's home region. */
    public UpdateTrailResponse updateTrail(Caller caller, UpdateTrailRequest request) {
        TrailDocument current = store.read(tx -> TrailLookup.home(tx, caller, request.name()));
        caller.authorize("cloudtrail:UpdateTrail", current.arn());
        Settings was = current.settings();
        if (request.s3BucketName() != null) {
            TrailRules.checkBucket(request.s3BucketName());
        }
        TrailRules.checkPrefix(request.s3KeyPrefix());
        TrailRules.checkSnsTopic(request.snsTopicName());
        boolean includeGlobal = Optional.ofNullable(request.includeGlobalServiceEvents()).orElse(was.includeGlobalServiceEvents());
        boolean multiRegion = Optional.ofNullable(request.isMultiRegionTrail()).orElse(was.multiRegion());
        boolean validation = Optional.ofNullable(request.enableLogFileValidation()).orElse(was.logFileValidation());
        TrailRules.checkCombination(multiRegion, includeGlobal, request.isOrganizationTrail());

        Instant now = clock.instant();
        Optional<SigningKeys.NewKey> key = validation && current.signingKey() == null
                ? Optional.of(SigningKeys.generate(random)) : Optional.empty();
        Instant validationSince = !validation ? null : was.logFileValidation() ? was.logFileValidationSince() : now;
        Settings settings = new Settings(
                Optional.ofNullable(request.s3BucketName()).orElse(was.s3BucketName()),
                Optional.ofNullable(request.s3KeyPrefix()).orElse(was.s3KeyPrefix()),
                Optional.ofNullable(request.snsTopicName()).orElse(was.snsTopicName()),
                includeGlobal, multiRegion, validation, validationSince,
                Optional.ofNullable(request.cloudWatchLogsLogGroupArn()).orElse(was.cloudWatchLogsLogGroupArn()),
                Optional.ofNullable(request.cloudWatchLogsRoleArn()).orElse(was.cloudWatchLogsRoleArn()),
                Optional.ofNullable(request.kmsKeyId()).orElse(was.kmsKeyId()));
        TrailDocument updated = store.write(tx -> {
            TrailDocument latest = Trails.get(tx, current.accountId(), current.region(), current.name())
                    .orElseThrow(() -> CloudTrailErrors.trailNotFound(caller.account(), current.arn()));
            TrailDocument changed = latest.withSettings(settings);
            if (key.isPresent()) {
                SigningKeys.store(tx, caller.account(), caller.region(), current.arn(), key.get(), now);
                changed = changed.withSigningKey(key.get().fingerprint());
            }
            Trails.put(tx, changed);
            return changed;
        });
        Trail view = TrailViews.trail(updated);
        return UpdateTrailResponse.builder()
                .name(view.name())
                .s3BucketName(view.s3BucketName())
                .s3KeyPrefix(view.s3KeyPrefix())
                .snsTopicName(view.snsTopicName())
                .snsTopicARN(view.snsTopicARN())
                .includeGlobalServiceEvents(view.includeGlobalServiceEvents())
                .isMultiRegionTrail(view.isMultiRegionTrail())
                .trailARN(view.trailARN())
                .logFileValidationEnabled(view.logFileValidationEnabled())
                .cloudWatchLogsLogGroupArn(view.cloudWatchLogsLogGroupArn())
                .cloudWatchLogsRoleArn(view.cloudWatchLogsRoleArn())
                .kmsKeyId(view.kmsKeyId())
                .isOrganizationTrail(false)
                .build();
    }

    /**
     * Deletes the trail and its bookkeeping. Files already delivered stay where they are, and the
     * signing key stays in the store, so the trail's digests can still be validated.
     */
    public DeleteTrailResponse deleteTrail(Caller caller, DeleteTrailRequest request) {
        TrailDocument trail = store.read(tx -> TrailLookup.home(tx, caller, request.name()));
        caller.authorize("cloudtrail:DeleteTrail", trail.arn());
        store.write(tx -> {
            Trails.delete(tx, trail);
            LogDelivery.pendingLogs(tx, CloudTrailSchema.deliveredLogPrefix(trail.arn()))
                    .forEach(log -> tx.delete(CloudTrailSchema.deliveredLog(LogDelivery.deliveredLogId(log))));
            return null;
        });
        return DeleteTrailResponse.builder().build();
    }
}
