package dev.bulwark.testing.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.InvalidHomeRegionException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTrailNameException;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudtrail.model.Tag;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailAlreadyExistsException;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;

/** Trail management through the real AWS SDK client: what it returns, and AWS's errors on the wire. */
class CloudTrailApiTest {
    private static final String ACCOUNT = BulwarkTestServer.ACCOUNT.value();
    private static BulwarkTestServer server;
    private static CloudTrailClient cloudTrail;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        cloudTrail = server.client(CloudTrailClient.builder());
    }

    @AfterAll
    static void stop() {
        cloudTrail.close();
        server.close();
    }

    @Test
    void aTrailIsCreatedReadUpdatedAndDeleted() {
        CreateTrailResponse created = cloudTrail.createTrail(r -> r.name("crud").s3BucketName("audit-logs")
                .s3KeyPrefix("team").tagsList(Tag.builder().key("owner").value("security").build()));
        assertThat(created.trailARN()).isEqualTo("arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/crud");
        assertThat(created.includeGlobalServiceEvents()).isTrue();
        assertThat(created.isMultiRegionTrail()).isFalse();
        assertThat(created.logFileValidationEnabled()).isFalse();

        Trail trail = cloudTrail.getTrail(r -> r.name("crud")).trail();
        assertThat(trail.homeRegion()).isEqualTo("us-east-1");
        assertThat(trail.s3KeyPrefix()).isEqualTo("team");
        assertThat(trail.hasCustomEventSelectors()).isFalse();
        assertThat(cloudTrail.describeTrails(r -> r.trailNameList("crud")).trailList()).containsExactly(trail);
        assertThat(cloudTrail.listTrails(r -> { }).trails()).anySatisfy(info -> assertThat(info.name()).isEqualTo("crud"));

        cloudTrail.updateTrail(r -> r.name("crud").isMultiRegionTrail(true).enableLogFileValidation(true));
        Trail updated = cloudTrail.getTrail(r -> r.name(created.trailARN())).trail();
        assertThat(updated.isMultiRegionTrail()).isTrue();
        assertThat(updated.logFileValidationEnabled()).isTrue();
        assertThat(updated.s3BucketName()).isEqualTo("audit-logs");
        assertThat(cloudTrail.listPublicKeys(r -> { }).publicKeyList()).isNotEmpty();

        cloudTrail.deleteTrail(r -> r.name("crud"));
        assertThatThrownBy(() -> cloudTrail.getTrail(r -> r.name("crud")))
                .isInstanceOfSatisfying(TrailNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Unknown trail: arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/crud for the user: " + ACCOUNT));
    }

    @Test
    void loggingStartsAndStops() {
        cloudTrail.createTrail(r -> r.name("switch").s3BucketName("audit-logs"));
        assertThat(cloudTrail.getTrailStatus(r -> r.name("switch")).isLogging()).isFalse();

        cloudTrail.startLogging(r -> r.name("switch"));
        GetTrailStatusResponse on = cloudTrail.getTrailStatus(r -> r.name("switch"));
        assertThat(on.isLogging()).isTrue();
        assertThat(on.startLoggingTime()).isNotNull();

        cloudTrail.stopLogging(r -> r.name("switch"));
        GetTrailStatusResponse off = cloudTrail.getTrailStatus(r -> r.name("switch"));
        assertThat(off.isLogging()).isFalse();
        assertThat(off.stopLoggingTime()).isNotNull();
        cloudTrail.deleteTrail(r -> r.name("switch"));
    }

    @Test
    void eventSelectorsAndTagsRoundTrip() {
        String arn = cloudTrail.createTrail(r -> r.name("selective").s3BucketName("audit-logs")).trailARN();
        GetEventSelectorsResponse defaults = cloudTrail.getEventSelectors(r -> r.trailName("selective"));
        assertThat(defaults.eventSelectors()).singleElement().satisfies(selector -> {
            assertThat(selector.readWriteType()).isEqualTo(ReadWriteType.ALL);
            assertThat(selector.includeManagementEvents()).isTrue();
        });

        cloudTrail.putEventSelectors(r -> r.trailName("selective").eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.WRITE_ONLY).includeManagementEvents(true)
                .excludeManagementEventSources("kms.amazonaws.com").build()));
        assertThat(cloudTrail.getEventSelectors(r -> r.trailName("selective")).eventSelectors()).singleElement()
                .satisfies(selector -> {
                    assertThat(selector.readWriteType()).isEqualTo(ReadWriteType.WRITE_ONLY);
                    assertThat(selector.excludeManagementEventSources()).containsExactly("kms.amazonaws.com");
                });
        assertThat(cloudTrail.getTrail(r -> r.name("selective")).trail().hasCustomEventSelectors()).isTrue();

        cloudTrail.addTags(r -> r.resourceId(arn).tagsList(Tag.builder().key("env").value("prod").build(),
                Tag.builder().key("team").value("sec").build()));
        cloudTrail.removeTags(r -> r.resourceId(arn).tagsList(Tag.builder().key("team").build()));
        assertThat(cloudTrail.listTags(r -> r.resourceIdList(arn)).resourceTagList()).singleElement()
                .satisfies(tags -> assertThat(tags.tagsList()).containsExactly(Tag.builder().key("env").value("prod").build()));
        cloudTrail.deleteTrail(r -> r.name(arn));
    }

    @Test
    void awsErrorsReachTheClientAsTheirModelledExceptions() {
        cloudTrail.createTrail(r -> r.name("taken").s3BucketName("audit-logs"));

        assertThatThrownBy(() -> cloudTrail.createTrail(r -> r.name("taken").s3BucketName("audit-logs")))
                .isInstanceOfSatisfying(TrailAlreadyExistsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Trail taken already exists for customer: " + ACCOUNT));
        assertThatThrownBy(() -> cloudTrail.createTrail(r -> r.name("x").s3BucketName("audit-logs")))
                .isInstanceOfSatisfying(InvalidTrailNameException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Trail name too short. Minimum allowed length: 3 characters. Specified name length: 1 characters."));
        assertThatThrownBy(() -> cloudTrail.createTrail(r -> r.name("global").s3BucketName("audit-logs")
                .isMultiRegionTrail(true).includeGlobalServiceEvents(false)))
                .isInstanceOfSatisfying(InvalidParameterCombinationException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Multi-Region trail must include global service events."));
        assertThatThrownBy(() -> cloudTrail.createTrail(r -> r.name("bad-bucket").s3BucketName("../etc")))
                .isInstanceOfSatisfying(CloudTrailException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidS3BucketNameException"));
        cloudTrail.deleteTrail(r -> r.name("taken"));
    }

    @Test
    void aMultiRegionTrailIsSeenEverywhereButChangedOnlyAtHome() {
        cloudTrail.createTrail(r -> r.name("everywhere").s3BucketName("audit-logs").isMultiRegionTrail(true));
        try (CloudTrailClient ireland = server.client(CloudTrailClient.builder(), Region.EU_WEST_1)) {
            assertThat(ireland.describeTrails(r -> { }).trailList())
                    .anySatisfy(t -> assertThat(t.homeRegion()).isEqualTo("us-east-1"));
            assertThat(ireland.describeTrails(r -> r.includeShadowTrails(false)).trailList()).isEmpty();
            assertThat(ireland.getTrailStatus(r -> r.name("everywhere")).isLogging()).isFalse();
            assertThatThrownBy(() -> ireland.startLogging(r -> r.name("everywhere")))
                    .isInstanceOf(InvalidHomeRegionException.class);
        }
        cloudTrail.deleteTrail(r -> r.name("everywhere"));
    }
}
