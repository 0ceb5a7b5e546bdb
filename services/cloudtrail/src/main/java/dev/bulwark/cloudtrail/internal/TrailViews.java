package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.Arn;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.Tag;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/** Stored trails as the SDK shapes describe them, and back. */
final class TrailViews {
    private TrailViews() {
    }

    static Trail trail(TrailDocument trail) {
        TrailDocument.Settings s = trail.settings();
        return Trail.builder()
                .name(trail.name())
                .s3BucketName(s.s3BucketName())
                .s3KeyPrefix(s.s3KeyPrefix())
                .snsTopicName(s.snsTopicName())
                .snsTopicARN(snsTopicArn(trail))
                .includeGlobalServiceEvents(s.includeGlobalServiceEvents())
                .isMultiRegionTrail(s.multiRegion())
                .homeRegion(trail.homeRegion())
                .trailARN(trail.arn())
                .logFileValidationEnabled(s.logFileValidation())
                .cloudWatchLogsLogGroupArn(s.cloudWatchLogsLogGroupArn())
                .cloudWatchLogsRoleArn(s.cloudWatchLogsRoleArn())
                .kmsKeyId(s.kmsKeyId())
                .hasCustomEventSelectors(trail.customEventSelectors())
                .hasInsightSelectors(false)
                .isOrganizationTrail(false)
                .build();
    }

    /** An SNS topic given by name lives in the trail's account and home region. */
    static String snsTopicArn(TrailDocument trail) {
        String topic = trail.settings().snsTopicName();
        if (topic == null || topic.isEmpty()) {
            return null;
        }
        return topic.startsWith("arn:") ? topic
                : Arn.of(trail.region(), trail.accountId(), "sns", topic).toString();
    }

    static List<EventSelector> eventSelectors(TrailDocument trail) {
        return trail.selectorsInForce().stream().map(selector -> EventSelector.builder()
                        .readWriteType(selector.readWriteType())
                        .includeManagementEvents(selector.includeManagementEvents())
                        .dataResources(selector.dataResources().stream()
                                .map(r -> DataResource.builder().type(r.type()).values(r.values()).build())
                                .toList())
                        .excludeManagementEventSources(selector.excludeManagementEventSources())
                        .build())
                .toList();
    }

    static List<Tag> tags(TrailDocument trail) {
        return trail.tags().stream().map(t -> Tag.builder().key(t.key()).value(t.value()).build()).toList();
    }

    static List<TrailDocument.Tag> tagsOf(List<Tag> tags) {
        return tags.stream().map(t -> new TrailDocument.Tag(t.key(), t.value())).toList();
    }
}
