package dev.bulwark.testing.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.testing.BulwarkTestServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Every call the server answers, allowed or refused, becomes a CloudTrail event that
 * LookupEvents finds at once, with AWS's record fields.
 */
class AuditTrailTest {
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
    void aSuccessfulCallIsRecordedWithItsCaller() {
        String requestId;
        try (StsClient sts = server.client(StsClient.builder())) {
            requestId = sts.getCallerIdentity().responseMetadata().requestId();
        }

        JsonNode record = record(find(LookupAttributeKey.EVENT_NAME, "GetCallerIdentity", requestId));
        assertThat(record.get("eventVersion").asText()).isEqualTo("1.08");
        assertThat(record.get("eventSource").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.get("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(record.get("userAgent").asText()).contains("aws-sdk-java");
        assertThat(record.get("readOnly").asBoolean()).isTrue();
        assertThat(record.get("recipientAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(record.get("userIdentity").get("type").asText()).isEqualTo("Root");
        assertThat(record.get("userIdentity").get("arn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(record.get("userIdentity").get("accessKeyId").asText())
                .isEqualTo(server.resolvedAdminCredentials().accessKeyId());
        assertThat(record.has("errorCode")).isFalse();
    }

    @Test
    void aFailedCallIsRecordedWithItsError() {
        String missing = "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/missing";
        assertThatThrownBy(() -> cloudTrail.getTrail(r -> r.name("missing"))).isInstanceOf(TrailNotFoundException.class);

        Event event = events(LookupAttributeKey.EVENT_NAME, "GetTrail").getFirst();
        JsonNode record = record(event);
        assertThat(record.get("errorCode").asText()).isEqualTo("TrailNotFoundException");
        assertThat(record.get("errorMessage").asText()).isEqualTo("Unknown trail: " + missing + " for the user: " + ACCOUNT);
        assertThat(record.get("requestParameters").get("name").asText()).isEqualTo("missing");
        assertThat(record.get("responseElements").isNull()).isTrue();
    }

    @Test
    void aCallWithAWrongSecretIsRecordedUnderTheKeysAccount() {
        String knownKey = server.resolvedAdminCredentials().accessKeyId();
        try (CloudTrailClient forger = server.client(CloudTrailClient.builder(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(knownKey, "not-the-secret")))) {
            assertThatThrownBy(() -> forger.describeTrails(r -> { }))
                    .isInstanceOfSatisfying(CloudTrailException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        }

        JsonNode record = events(LookupAttributeKey.ACCESS_KEY_ID, knownKey).stream().map(AuditTrailTest::record)
                .filter(r -> r.has("errorCode")).findFirst().orElseThrow();
        assertThat(record.get("errorCode").asText()).isEqualTo("InvalidSignatureException");
        assertThat(record.get("eventSource").asText()).isEqualTo("cloudtrail.amazonaws.com");
        assertThat(record.get("userIdentity").toString())
                .isEqualTo("{\"accountId\":\"" + ACCOUNT + "\",\"accessKeyId\":\"" + knownKey + "\"}");
        assertThat(record.toString()).doesNotContain("not-the-secret");
    }

    @Test
    void aCallWithAnUnknownKeyIsRecordedToo() {
        try (StsClient stranger = server.client(StsClient.builder(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAI44QH8DHBEXAMPLE", "x")))) {
            assertThatThrownBy(stranger::getCallerIdentity).isInstanceOf(StsException.class);
        }

        JsonNode record = record(events(LookupAttributeKey.ACCESS_KEY_ID, "AKIAI44QH8DHBEXAMPLE").getFirst());
        assertThat(record.get("errorCode").asText()).isEqualTo("InvalidClientTokenId");
        assertThat(record.get("userIdentity").toString()).isEqualTo("{\"accessKeyId\":\"AKIAI44QH8DHBEXAMPLE\"}");
    }

    @Test
    void lookupEventsPagesNewestFirstThroughTheSdkPaginator() {
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 7; i++) {
            cloudTrail.listTrails(r -> { });
        }

        List<Event> events = cloudTrail.lookupEventsPaginator(r -> r.maxResults(2).startTime(before)
                        .lookupAttributes(attribute(LookupAttributeKey.EVENT_NAME, "ListTrails")))
                .events().stream().toList();

        assertThat(events).hasSize(7);
        assertThat(events).isSortedAccordingTo((a, b) -> b.eventTime().compareTo(a.eventTime()));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo("root");
            assertThat(e.readOnly()).isEqualTo("true");
            assertThat(e.eventSource()).isEqualTo("cloudtrail.amazonaws.com");
        });
    }

    private static List<Event> events(LookupAttributeKey key, String value) {
        return cloudTrail.lookupEvents(r -> r.lookupAttributes(attribute(key, value))).events();
    }

    private static Event find(LookupAttributeKey key, String value, String requestId) {
        return events(key, value).stream().filter(e -> record(e).get("requestID").asText().equals(requestId))
                .findFirst().orElseThrow(() -> new AssertionError("No event for request " + requestId));
    }

    private static LookupAttribute attribute(LookupAttributeKey key, String value) {
        return LookupAttribute.builder().attributeKey(key).attributeValue(value).build();
    }

    private static JsonNode record(Event event) {
        try {
            return JsonMapper.builder().build().readTree(event.cloudTrailEvent());
        } catch (Exception e) {
            throw new AssertionError("CloudTrailEvent is not JSON: " + event.cloudTrailEvent(), e);
        }
    }
}
