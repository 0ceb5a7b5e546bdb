package dev.bulwark.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.core.AwsException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

class LookupEventsTest {
    private static final Instant START = Instant.parse("2026-02-01T10:00:00Z");

    @TempDir
    Path dataFolder;
    @TempDir
    Path trailFolder;
    private TestCloudTrail trail;

    @BeforeEach
    void open() {
        trail = new TestCloudTrail(dataFolder, trailFolder, START.plus(Duration.ofHours(1)));
    }

    @AfterEach
    void close() {
        trail.close();
    }

    /** Five calls a minute apart: CreateKey, DescribeKey, Encrypt, ListKeys, Decrypt. */
    private List<CallRecord> fiveCalls() {
        List<String> names = List.of("CreateKey", "DescribeKey", "Encrypt", "ListKeys", "Decrypt");
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            CallRecord call = Fixtures.call(names.get(i), START.plus(Duration.ofMinutes(i)));
            trail.record(call);
            calls.add(call);
        }
        return calls;
    }

    @Test
    void eventsComeNewestFirstAndPageWithNextToken() {
        fiveCalls();
        List<String> seen = new ArrayList<>();
        LookupEventsResponse page = trail.call(LookupEventsRequest.builder().maxResults(2).build());
        page.events().forEach(e -> seen.add(e.eventName()));
        while (page.nextToken() != null) {
            page = trail.call(LookupEventsRequest.builder().maxResults(2).nextToken(page.nextToken()).build());
            page.events().forEach(e -> seen.add(e.eventName()));
        }

        assertThat(seen).containsExactly("Decrypt", "ListKeys", "Encrypt", "DescribeKey", "CreateKey");
    }

    @Test
    void theTimeRangeIsInclusiveAtBothEnds() {
        fiveCalls();
        LookupEventsResponse response = trail.call(LookupEventsRequest.builder()
                .startTime(START.plus(Duration.ofMinutes(1)))
                .endTime(START.plus(Duration.ofMinutes(3)))
                .build());

        assertThat(response.events()).extracting(Event::eventName).containsExactly("ListKeys", "Encrypt", "DescribeKey");
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void eachLookupAttributeSelectsItsEvents() {
        List<CallRecord> calls = fiveCalls();
        CallRecord trailCall = Fixtures.call("cloudtrail.amazonaws.com", "GetTrail", true, START.plusSeconds(400),
                Fixtures.REGION, List.of("arn:aws:cloudtrail:us-east-1:111122223333:trail/main"));
        trail.record(trailCall);

        assertThat(lookup(LookupAttributeKey.EVENT_ID, calls.get(2).eventId())).containsExactly("Encrypt");
        assertThat(lookup(LookupAttributeKey.EVENT_NAME, "DescribeKey")).containsExactly("DescribeKey");
        assertThat(lookup(LookupAttributeKey.READ_ONLY, "true")).containsExactly("GetTrail", "ListKeys", "DescribeKey");
        assertThat(lookup(LookupAttributeKey.READ_ONLY, "false")).containsExactly("Decrypt", "Encrypt", "CreateKey");
        assertThat(lookup(LookupAttributeKey.USERNAME, "root")).hasSize(6);
        assertThat(lookup(LookupAttributeKey.RESOURCE_TYPE, "AWS::CloudTrail::Trail")).containsExactly("GetTrail");
        assertThat(lookup(LookupAttributeKey.RESOURCE_NAME, "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"))
                .containsExactly("GetTrail");
        assertThat(lookup(LookupAttributeKey.EVENT_SOURCE, "cloudtrail.amazonaws.com")).containsExactly("GetTrail");
        assertThat(lookup(LookupAttributeKey.ACCESS_KEY_ID, Fixtures.ROOT_KEY)).hasSize(6);
        assertThat(lookup(LookupAttributeKey.ACCESS_KEY_ID, "AKIANOBODY")).isEmpty();
    }

    @Test
    void theEventCarriesItsRecordAsCloudTrailEvent() {
        CallRecord call = fiveCalls().getFirst();
        Event event = trail.<LookupEventsResponse>call(LookupEventsRequest.builder()
                .lookupAttributes(attribute(LookupAttributeKey.EVENT_ID, call.eventId())).build()).events().getFirst();

        assertThat(event.cloudTrailEvent()).startsWith("{\"eventVersion\":\"1.08\"").contains(call.eventId());
        assertThat(event.eventTime()).isEqualTo(START);
        assertThat(event.username()).isEqualTo("root");
        assertThat(event.readOnly()).isEqualTo("false");
        assertThat(event.eventSource()).isEqualTo("kms.amazonaws.com");
    }

    @Test
    void aCallerSeesOnlyItsOwnAccountAndRegion() {
        fiveCalls();

        assertThat(trail.<LookupEventsResponse>call(trail.caller(Fixtures.OTHER_ACCOUNT, Fixtures.REGION),
                LookupEventsRequest.builder().build()).events()).isEmpty();
        assertThat(trail.<LookupEventsResponse>call(trail.caller(Fixtures.ACCOUNT, Fixtures.OTHER_REGION),
                LookupEventsRequest.builder().build()).events()).isEmpty();
    }

    @Test
    void invalidRequestsGetCloudTrailsErrors() {
        assertError(LookupEventsRequest.builder().lookupAttributes(attribute(LookupAttributeKey.EVENT_NAME, "a"),
                attribute(LookupAttributeKey.EVENT_SOURCE, "b")).build(), "InvalidLookupAttributesException");
        assertError(LookupEventsRequest.builder().lookupAttributes(LookupAttribute.builder()
                .attributeKey("Region").attributeValue("x").build()).build(), "InvalidLookupAttributesException");
        assertError(LookupEventsRequest.builder().maxResults(0).build(), "InvalidMaxResultsException");
        assertError(LookupEventsRequest.builder().maxResults(51).build(), "InvalidMaxResultsException");
        assertError(LookupEventsRequest.builder().startTime(START.plusSeconds(60)).endTime(START).build(),
                "InvalidTimeRangeException");
        assertError(LookupEventsRequest.builder().nextToken("not-a-token").build(), "InvalidNextTokenException");
        assertError(LookupEventsRequest.builder().eventCategory("management").build(), "InvalidEventCategoryException");
    }

    @Test
    void aNextTokenOnlyContinuesTheRequestThatIssuedIt() {
        fiveCalls();
        String token = trail.<LookupEventsResponse>call(LookupEventsRequest.builder().maxResults(1).build()).nextToken();

        assertError(LookupEventsRequest.builder().maxResults(1).nextToken(token)
                .lookupAttributes(attribute(LookupAttributeKey.EVENT_NAME, "Encrypt")).build(), "InvalidNextTokenException");
    }

    @Test
    void eventsPastTheRetentionPeriodAreSweptAway() {
        fiveCalls();
        // Now: 150 s past the third call's 90th day. The first three calls are older than 90 days.
        trail.advanceAndTick(Duration.between(trail.clock.instant(), START.plus(TestCloudTrail.RETENTION).plusSeconds(150)));

        assertThat(trail.<LookupEventsResponse>call(LookupEventsRequest.builder()
                .startTime(START.minusSeconds(1)).build()).events())
                .extracting(Event::eventName).containsExactly("Decrypt", "ListKeys");
    }

    private List<String> lookup(LookupAttributeKey key, String value) {
        return trail.<LookupEventsResponse>call(LookupEventsRequest.builder()
                        .lookupAttributes(attribute(key, value)).build())
                .events().stream().map(Event::eventName).toList();
    }

    private static LookupAttribute attribute(LookupAttributeKey key, String value) {
        return LookupAttribute.builder().attributeKey(key).attributeValue(value).build();
    }

    private void assertError(LookupEventsRequest request, String code) {
        assertThatThrownBy(() -> trail.call(request))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
