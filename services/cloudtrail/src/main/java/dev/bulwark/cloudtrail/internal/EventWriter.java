package dev.bulwark.cloudtrail.internal;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.cloudtrail.AccessKeyFacts;
import dev.bulwark.cloudtrail.internal.StoredDocuments.EventRef;
import dev.bulwark.cloudtrail.internal.StoredDocuments.EventScope;
import dev.bulwark.cloudtrail.internal.StoredDocuments.OutboxBatch;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.store.Documents;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores one batch of calls as CloudTrail events, in one write transaction: the event records,
 * the scopes they went to (for the retention sweep) and an outbox entry listing them (for
 * delivery to trails). Rendering happens before the transaction, so the transaction itself
 * only writes; it looks up the access key of a failed authentication (to find its account) and
 * of a session (to describe it), once per key and batch.
 */
public final class EventWriter {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    private final Store store;
    private final AccessKeyFacts keys;
    private final AccountId defaultAccount;
    private final Region defaultRegion;
    private final Clock clock;

    public EventWriter(Store store, AccessKeyFacts keys, AccountId defaultAccount, Region defaultRegion, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
        this.clock = clock;
    }

    private record Rendered(RecordKey key, byte[] json) {
    }

    public void commit(List<CallRecord> batch) {
        List<Rendered> events = new ArrayList<>(batch.size());
        Map<String, EventScope> scopes = new LinkedHashMap<>();
        Map<String, Optional<AccessKeyFacts.Key>> keysSeen = new HashMap<>();
        for (CallRecord call : batch) {
            Optional<AccessKeyFacts.Key> key = call.accessKeyId()
                    .filter(id -> call.principal().map(UserIdentities::isSession).orElse(true))
                    .flatMap(id -> keysSeen.computeIfAbsent(id, keys::describe));
            Attribution where = attribute(call, key);
            String scope = RecordKey.scope(where.account(), where.region());
            scopes.putIfAbsent(scope, new EventScope(where.account().value(), where.region().name()));
            events.add(new Rendered(CloudTrailSchema.event(scope, EventIds.of(call.eventTime(), call.eventId())),
                    render(call, where, key)));
        }
        OutboxBatch outbox = new OutboxBatch(events.stream().map(e -> new EventRef(e.key().scope(), e.key().id())).toList());
        String batchId = CloudTrailSchema.outboxId(clock.instant());
        store.write(tx -> {
            for (Rendered event : events) {
                tx.put(event.key(), event.json(), null);
            }
            scopes.forEach((scope, document) -> tx.put(CloudTrailSchema.eventScope(scope), Documents.write(document), null));
            tx.put(CloudTrailSchema.outbox(batchId), Documents.write(outbox), null);
            return null;
        });
    }

    /**
     * A record that cannot be rendered would fail its batch on every retry and stall the log, so
     * it is stored without its request and response rather than not at all.
     */
    private static byte[] render(CallRecord call, Attribution where, Optional<AccessKeyFacts.Key> key) {
        try {
            return Documents.write(EventRecords.render(call, where, key));
        } catch (RuntimeException e) {
            LOG.error("Event {} (request {}) could not be rendered whole; storing it without request parameters"
                    + " and response elements", call.eventId(), call.requestId(), e);
            CallRecord bare = new CallRecord(call.eventId(), call.eventTime(), call.requestId(), call.principal(),
                    call.accessKeyId(), call.eventSource(), call.eventName(), call.awsRegion(), call.sourceIp(),
                    call.userAgent(), call.resources(), call.readOnly(), Optional.empty(), Optional.empty(),
                    call.errorCode(), call.errorMessage());
            return Documents.write(EventRecords.render(bare, where, key));
        }
    }

    private Attribution attribute(CallRecord call, Optional<AccessKeyFacts.Key> key) {
        AccountId account = call.principal().map(p -> p.account())
                .or(() -> key.map(AccessKeyFacts.Key::owner))
                .orElse(defaultAccount);
        Region region = Region.isValid(call.awsRegion()) ? Region.of(call.awsRegion()) : defaultRegion;
        return new Attribution(account, region);
    }
}
