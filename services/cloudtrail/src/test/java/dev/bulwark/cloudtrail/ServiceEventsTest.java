package dev.bulwark.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.audit.ServiceEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;

/** Events services raise themselves: recorded with the work they report, found and delivered like calls. */
class ServiceEventsTest {
    private static final Instant START = Instant.parse("2026-02-01T10:00:00Z");

    @TempDir
    Path dataFolder;
    @TempDir
    Path trailFolder;
    private TestCloudTrail trail;

    @BeforeEach
    void open() {
        trail = new TestCloudTrail(dataFolder, trailFolder, START);
    }

    @AfterEach
    void close() {
        trail.close();
    }

    private List<Event> lookUp(LookupAttributeKey key, String value) {
        LookupEventsResponse response = trail.call(LookupEventsRequest.builder()
                .lookupAttributes(LookupAttribute.builder().attributeKey(key).attributeValue(value).build())
                .build());
        return response.events();
    }

    @Test
    void aServiceEventIsFoundByEventNameResourceNameAndEventSource() throws Exception {
        trail.record(Fixtures.call("ListKeys", trail.clock.instant()));
        ServiceEvent expired = Fixtures.parameterExpired(trail.clock.instant());
        trail.record(expired);
        trail.clock.advance(Duration.ofSeconds(1));

        for (List<Event> found : List.of(lookUp(LookupAttributeKey.EVENT_NAME, "Expiration"),
                lookUp(LookupAttributeKey.RESOURCE_NAME, Fixtures.PARAMETER_ARN),
                lookUp(LookupAttributeKey.EVENT_SOURCE, "ssm.amazonaws.com"))) {
            assertThat(found).singleElement().satisfies(event -> {
                assertThat(event.eventId()).isEqualTo(expired.eventId());
                assertThat(event.readOnly()).isEqualTo("false");
                assertThat(event.username()).isNull();
                assertThat(event.accessKeyId()).isNull();
                assertThat(event.resources()).singleElement().satisfies(resource -> {
                    assertThat(resource.resourceType()).isEqualTo("AWS::SSM::Parameter");
                    assertThat(resource.resourceName()).isEqualTo(Fixtures.PARAMETER_ARN);
                });
            });
        }
        JsonNode record = JsonMapper.builder().build().readTree(lookUp(LookupAttributeKey.EVENT_NAME, "Expiration")
                .getFirst().cloudTrailEvent());
        assertThat(record.get("eventType").asText()).isEqualTo("AwsServiceEvent");
        assertThat(record.get("serviceEventDetails").get("parameter-name").asText()).isEqualTo("/app/db-password");
    }

    /**
     * The problem this design solves: a job that raised its event and then failed would leave the
     * event behind, and record it again when it ran again.
     */
    @Test
    void theEventOfWorkThatRolledBackIsNotRecordedAndARetryRecordsItOnce() {
        assertThatThrownBy(() -> trail.store.write(tx -> {
            trail.writer.record(tx, Fixtures.parameterExpired(trail.clock.instant()));
            throw new IllegalStateException("the job failed after raising its event");
        })).hasMessageContaining("the job failed");
        assertThat(lookUp(LookupAttributeKey.EVENT_NAME, "Expiration")).isEmpty();

        ServiceEvent retried = Fixtures.parameterExpired(trail.clock.instant());
        trail.record(retried);

        assertThat(lookUp(LookupAttributeKey.EVENT_NAME, "Expiration")).extracting(Event::eventId)
                .containsExactly(retried.eventId());
    }

    @Test
    void trailsDeliverServiceEventsAsWriteManagementEvents() {
        trail.call(CreateTrailRequest.builder().name("writes").s3BucketName("writes-bucket").build());
        trail.call(PutEventSelectorsRequest.builder().trailName("writes").eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.WRITE_ONLY).includeManagementEvents(true).build()).build());
        trail.call(CreateTrailRequest.builder().name("reads").s3BucketName("reads-bucket").build());
        trail.call(PutEventSelectorsRequest.builder().trailName("reads").eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.READ_ONLY).includeManagementEvents(true).build()).build());
        trail.call(StartLoggingRequest.builder().name("writes").build());
        trail.call(StartLoggingRequest.builder().name("reads").build());
        trail.clock.advance(Duration.ofSeconds(1));
        ServiceEvent expired = Fixtures.parameterExpired(trail.clock.instant());
        trail.record(expired);

        trail.advanceAndTick(TestCloudTrail.DELIVERY_INTERVAL);

        List<Path> files = TrailFiles.logFiles(trailFolder);
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(trailFolder.relativize(file).startsWith("writes-bucket")).isTrue();
            JsonNode records = TrailFiles.json(file).get("Records");
            assertThat(StreamSupport.stream(records.spliterator(), false).map(r -> r.get("eventID").asText()))
                    .containsExactly(expired.eventId());
            assertThat(records.get(0).get("userIdentity").get("invokedBy").asText()).isEqualTo("ssm.amazonaws.com");
        });
    }
}
