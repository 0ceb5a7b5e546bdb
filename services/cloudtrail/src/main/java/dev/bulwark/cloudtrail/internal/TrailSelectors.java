package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.store.Store;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsResponse;

/**
 * PutEventSelectors and GetEventSelectors with basic event selectors: which management events
 * a trail logs (all, read-only or write-only; minus excluded event sources). Data resources are
 * checked and kept, and match nothing, since Bulwark has no data events. Advanced event
 * selectors are refused.
 */
public final class TrailSelectors {
    private static final int MAX_SELECTORS = 5;
    private static final int MAX_DATA_RESOURCES = 250;
    private static final Set<String> READ_WRITE_TYPES = Set.of("All", "ReadOnly", "WriteOnly");
    private static final Set<String> EXCLUDABLE_SOURCES = Set.of("kms.amazonaws.com", "rdsdata.amazonaws.com");
    private static final Set<String> DATA_RESOURCE_TYPES = Set.of("AWS::S3::Object", "AWS::Lambda::Function",
            "AWS::DynamoDB::Table");

    private final Store store;

    public TrailSelectors(Store store) {
        this.store = store;
    }

    public PutEventSelectorsResponse putEventSelectors(Caller caller, PutEventSelectorsRequest request) {
        TrailDocument trail = store.read(tx -> TrailLookup.home(tx, caller, request.trailName()));
        caller.authorize("cloudtrail:PutEventSelectors", trail.arn());
        boolean basic = !request.eventSelectors().isEmpty();
        boolean advanced = !request.advancedEventSelectors().isEmpty();
        if (basic && advanced) {
            throw CloudTrailErrors.parameterCombination(
                    "You can use either AdvancedEventSelectors or EventSelectors, but not both.");
        }
        if (advanced) {
            throw CloudTrailErrors.unsupported("Advanced event selectors are not supported by Bulwark; use EventSelectors.");
        }
        List<TrailDocument.Selector> selectors = request.eventSelectors().stream().map(TrailSelectors::selector).toList();
        if (selectors.isEmpty() || selectors.size() > MAX_SELECTORS) {
            throw CloudTrailErrors.invalidEventSelectors("A trail can have 1 to " + MAX_SELECTORS + " event selectors.");
        }
        if (selectors.stream().mapToInt(s -> s.dataResources().size()).sum() > MAX_DATA_RESOURCES) {
            throw CloudTrailErrors.invalidEventSelectors("A trail is limited to " + MAX_DATA_RESOURCES + " data resources.");
        }
        TrailDocument updated = store.write(tx -> {
            TrailDocument latest = Trails.get(tx, trail.accountId(), trail.region(), trail.name())
                    .orElseThrow(() -> CloudTrailErrors.trailNotFound(caller.account(), trail.arn()));
            TrailDocument changed = latest.withEventSelectors(selectors);
            Trails.put(tx, changed);
            return changed;
        });
        return PutEventSelectorsResponse.builder()
                .trailARN(updated.arn())
                .eventSelectors(TrailViews.eventSelectors(updated))
                .build();
    }

    public GetEventSelectorsResponse getEventSelectors(Caller caller, GetEventSelectorsRequest request) {
        TrailDocument trail = store.read(tx -> TrailLookup.inRegion(tx, caller, request.trailName()));
        caller.authorize("cloudtrail:GetEventSelectors", trail.arn());
        return GetEventSelectorsResponse.builder()
                .trailARN(trail.arn())
                .eventSelectors(TrailViews.eventSelectors(trail))
                .build();
    }

    private static TrailDocument.Selector selector(EventSelector selector) {
        String readWriteType = Optional.ofNullable(selector.readWriteTypeAsString()).orElse("All");
        if (!READ_WRITE_TYPES.contains(readWriteType)) {
            throw CloudTrailErrors.invalidEventSelectors("ReadWriteType " + readWriteType
                    + " is not valid. Valid values are ReadOnly, WriteOnly and All.");
        }
        for (String source : selector.excludeManagementEventSources()) {
            if (!EXCLUDABLE_SOURCES.contains(source)) {
                throw CloudTrailErrors.invalidEventSelectors("Event source " + source
                        + " cannot be excluded. Valid values are kms.amazonaws.com and rdsdata.amazonaws.com.");
            }
        }
        for (DataResource resource : selector.dataResources()) {
            if (!DATA_RESOURCE_TYPES.contains(resource.type())) {
                throw CloudTrailErrors.invalidEventSelectors("Data resource type " + resource.type() + " is not valid.");
            }
        }
        return new TrailDocument.Selector(readWriteType,
                Optional.ofNullable(selector.includeManagementEvents()).orElse(true),
                selector.dataResources().stream()
                        .map(r -> new TrailDocument.DataResource(r.type(), r.values()))
                        .toList(),
                selector.excludeManagementEventSources());
    }
}
