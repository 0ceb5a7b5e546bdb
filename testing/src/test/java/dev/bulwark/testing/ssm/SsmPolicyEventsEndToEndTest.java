package dev.bulwark.testing.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.testing.BulwarkTestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Parameter policies act on their own, and what they do is in the audit trail as AWS records a
 * service's own actions: CloudTrail events of type AwsServiceEvent, named after the policy, with the
 * detail of Parameter Store's policy action event.
 */
class SsmPolicyEventsEndToEndTest {
    private static final Duration WAIT_FOR_JOB_RUNNER = Duration.ofSeconds(10);
    private static final String ARN_PREFIX = "arn:aws:ssm:us-east-1:" + BulwarkTestServer.ACCOUNT.value() + ":parameter";

    @TempDir
    Path dataDir;
    private final SkippingClock clock = new SkippingClock();
    private BulwarkTestServer server;
    private SsmClient ssm;
    private CloudTrailClient cloudTrail;

    @BeforeEach
    void start() {
        server = BulwarkTestServer.startOn(dataDir, clock);
        ssm = server.client(SsmClient.builder());
        cloudTrail = server.client(CloudTrailClient.builder());
    }

    @AfterEach
    void stop() {
        cloudTrail.close();
        ssm.close();
        server.close();
    }

    @Test
    void anExpirationDeletesItsParameterAndIsRecordedAsAServiceEvent() throws Exception {
        Instant expiration = clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        put("/app/expiring", "[" + policy("Expiration", "\"Timestamp\":\"" + expiration + "\"") + "]");

        clock.skip(Duration.ofMinutes(2));

        assertThat(awaitDeleted("/app/expiring")).as("deleted by its expiration").isTrue();
        JsonNode event = record(lookUp("Expiration"));
        assertServiceEventOf(event, "Expiration", "/app/expiring");
        assertThat(event.get("serviceEventDetails").get("action-status").asText()).isEqualTo("Finished");
        assertThat(event.get("serviceEventDetails").get("action-reason").asText()).contains("deleted");
    }

    @Test
    void anExpirationNotificationIsRecordedAsAServiceEventAndTheParameterStays() throws Exception {
        Instant expiration = clock.instant().plus(Duration.ofMinutes(62)).truncatedTo(ChronoUnit.SECONDS);
        put("/app/notified", "[" + policy("Expiration", "\"Timestamp\":\"" + expiration + "\"") + ","
                + policy("ExpirationNotification", "\"Before\":\"1\",\"Unit\":\"Hours\"") + "]");

        clock.skip(Duration.ofMinutes(3));

        JsonNode event = record(awaitEvent("ExpirationNotification"));
        assertServiceEventOf(event, "ExpirationNotification", "/app/notified");
        assertThat(ssm.getParameter(request -> request.name("/app/notified")).parameter().value()).isEqualTo("v");
        assertThat(lookUp("Expiration")).as("the expiration is an hour away").isEmpty();
    }

    private void assertServiceEventOf(JsonNode event, String policyType, String name) {
        String arn = ARN_PREFIX + name;
        assertThat(event.get("eventType").asText()).isEqualTo("AwsServiceEvent");
        assertThat(event.get("eventVersion").asText()).isEqualTo("1.08");
        assertThat(event.get("eventSource").asText()).isEqualTo("ssm.amazonaws.com");
        assertThat(event.get("eventName").asText()).isEqualTo(policyType);
        assertThat(event.get("userIdentity").toString()).isEqualTo(
                "{\"accountId\":\"" + BulwarkTestServer.ACCOUNT.value() + "\",\"invokedBy\":\"ssm.amazonaws.com\"}");
        assertThat(event.get("sourceIPAddress").asText()).isEqualTo("ssm.amazonaws.com");
        assertThat(event.get("requestParameters").isNull()).isTrue();
        assertThat(event.get("readOnly").asBoolean()).isFalse();
        assertThat(event.get("resources").get(0).get("ARN").asText()).isEqualTo(arn);
        assertThat(event.get("resources").get(0).get("type").asText()).isEqualTo("AWS::SSM::Parameter");
        JsonNode details = event.get("serviceEventDetails");
        assertThat(details.get("parameter-name").asText()).isEqualTo(name);
        assertThat(details.get("parameter-type").asText()).isEqualTo("String");
        assertThat(details.get("policy-type").asText()).isEqualTo(policyType);
        assertThat(cloudTrail.lookupEvents(request -> request.lookupAttributes(attribute -> attribute
                .attributeKey(LookupAttributeKey.RESOURCE_NAME).attributeValue(arn))).events())
                .extracting(Event::eventName).contains(policyType);
    }

    private void put(String name, String policies) {
        ssm.putParameter(request -> request.name(name).value("v").type(ParameterType.STRING)
                .tier(ParameterTier.ADVANCED).policies(policies));
    }

    private static String policy(String type, String attributes) {
        return "{\"Type\":\"" + type + "\",\"Version\":\"1.0\",\"Attributes\":{" + attributes + "}}";
    }

    private List<Event> lookUp(String eventName) {
        return cloudTrail.lookupEvents(request -> request.lookupAttributes(attribute -> attribute
                .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(eventName))).events();
    }

    private static JsonNode record(List<Event> events) throws Exception {
        assertThat(events).hasSize(1);
        return JsonMapper.builder().build().readTree(events.getFirst().cloudTrailEvent());
    }

    /** The job runner looks for due jobs every second, on its own thread: wait for it, boundedly. */
    private List<Event> awaitEvent(String eventName) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_FOR_JOB_RUNNER);
        List<Event> found = lookUp(eventName);
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            found = lookUp(eventName);
        }
        return found;
    }

    private boolean awaitDeleted(String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_FOR_JOB_RUNNER);
        while (Instant.now().isBefore(deadline)) {
            try {
                ssm.getParameter(request -> request.name(name));
            } catch (ParameterNotFoundException deleted) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * The system clock, moved ahead by hand: policies fall due without waiting, and the skip stays
     * within the 15 minutes of skew SigV4 accepts.
     */
    private static final class SkippingClock extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        void skip(Duration duration) {
            ahead = ahead.plus(duration);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
