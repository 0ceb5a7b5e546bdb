package dev.bulwark.cloudtrail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.cloudtrail.AccessKeyFacts;
import dev.bulwark.cloudtrail.Fixtures;
import dev.bulwark.core.AccountId;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventWriterTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dataFolder;
    private Store store;

    @BeforeEach
    void open() {
        store = Fixtures.store(dataFolder);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRecordThatCannotBeRenderedWholeIsStoredWithoutItsContentInsteadOfStallingTheLog() {
        ObjectNode unrenderable = JsonNodeFactory.instance.objectNode();
        unrenderable.putPOJO("weird", new Object());
        CallRecord broken = Fixtures.withContent(Fixtures.call("Encrypt", NOW), unrenderable, null);
        CallRecord fine = Fixtures.call("Decrypt", NOW);

        writer(AccessKeyFacts.NONE).commit(List.of(broken, fine));

        List<ObjectNode> events = storedEvents(RecordKey.scope(Fixtures.ACCOUNT, Fixtures.REGION));
        assertThat(events).extracting(e -> e.get("eventName").asText()).containsExactlyInAnyOrder("Encrypt", "Decrypt");
        assertThat(events).allSatisfy(e -> assertThat(e.get("requestParameters").isNull()).isTrue());
    }

    @Test
    void aFailedAuthenticationGoesToTheKeysOwnerOrElseToTheDefaultAccount() {
        AccountId owner = Fixtures.OTHER_ACCOUNT;
        CallRecord known = unauthenticated("AKIAKNOWNKEY00000000");
        CallRecord unknown = unauthenticated("AKIAUNKNOWNKEY000000");

        writer(key -> key.equals("AKIAKNOWNKEY00000000")
                ? Optional.of(new AccessKeyFacts.Key(owner, Optional.empty())) : Optional.empty())
                .commit(List.of(known, unknown));

        assertThat(storedEvents(RecordKey.scope(owner, Fixtures.REGION))).singleElement()
                .satisfies(e -> assertThat(e.get("userIdentity").get("accountId").asText()).isEqualTo(owner.value()));
        assertThat(storedEvents(RecordKey.scope(Fixtures.ACCOUNT, Fixtures.REGION))).singleElement()
                .satisfies(e -> assertThat(e.get("userIdentity").has("accountId")).isFalse());
    }

    private EventWriter writer(AccessKeyFacts keys) {
        return new EventWriter(store, keys, Fixtures.ACCOUNT, Fixtures.REGION, Clock.systemUTC());
    }

    private static CallRecord unauthenticated(String accessKeyId) {
        CallRecord call = Fixtures.call("ListKeys", NOW);
        return new CallRecord(call.eventId(), call.eventTime(), call.requestId(), Optional.empty(),
                Optional.of(accessKeyId), call.eventSource(), "", call.awsRegion(), call.sourceIp(), call.userAgent(),
                List.of(), false, Optional.empty(), Optional.empty(), Optional.of("InvalidSignatureException"),
                Optional.of("The request signature we calculated does not match the signature you provided."));
    }

    private List<ObjectNode> storedEvents(String scope) {
        return store.read(tx -> {
            Page page = tx.list(CloudTrailSchema.EVENT, scope, "", "", 100);
            return page.records().stream()
                    .map(record -> Documents.read(record.key(), record.document(), ObjectNode.class))
                    .toList();
        });
    }
}
