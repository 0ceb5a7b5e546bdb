package dev.bulwark.cloudtrail.internal;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.cloudtrail.AccessKeyOwners;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores one batch of calls as CloudTrail events, in one write transaction: the event records,
 * the scopes they went to (for the retention sweep) and an outbox entry listing them (for
 * delivery to trails). Rendering, which may read the store to attribute a failed
 * authentication, happens before the transaction, so the transaction itself only writes.
 */
public final class EventWriter {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    private final Store store;
    private final AccessKeyOwners keyOwners;
    private final AccountId defaultAccount;
    private final Region defaultRegion;
    private final Clock clock;

    public EventWriter(Store store, AccessKeyOwners keyOwners, AccountId defaultAccount, Region defaultRegion, Clock clock) {
        this.store = store;
        this.keyOwners = keyOwners;
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
        this.clock = clock;
    }

    private record Rendered(RecordKey key, byte[] json) {
    }

    public void commit(List<CallRecord> batch) {
        List<Rendered> events = new ArrayList<>(batch.size());
        Map<String, EventScope> scopes = new LinkedHashMap<>();
        for (CallRecord call : batch) {
            Optional<AccountId> keyOwner = call.principal().isPresent()
                    ? Optional.empty()
                    : call.accessKeyId().flatMap(keyOwners::ownerOf);
            Attribution where = attribute(call, keyOwner);
            String scope = RecordKey.scope(where.account(), where.region());
            scopes.putIfAbsent(scope, new EventScope(where.account().value(), where.region().name()));
            events.add(new Rendered(CloudTrailSchema.event(scope, EventIds.of(call.eventTime(), call.eventId())),
                    render(call, where, keyOwner)));
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
    private static byte[] render(CallRecord call, Attribution where, Optional<AccountId> keyOwner) {
        try {
            return Documents.write(EventRecords.render(call, where, keyOwner));
        } catch (RuntimeException e) {
            LOG.error("Event {} (request {}) could not be rendered whole; storing it without request parameters"
                    + " and response elements", call.eventId(), call.requestId(), e);
            CallRecord bare = new CallRecord(call.eventId(), call.eventTime(), call.requestId(), call.principal(),
                    call.accessKeyId(), call.eventSource(), call.eventName(), call.awsRegion(), call.sourceIp(),
                    call.userAgent(), call.resources(), call.readOnly(), Optional.empty(), Optional.empty(),
                    call.errorCode(), call.errorMessage());
            return Documents.write(EventRecords.render(bare, where, keyOwner));
        }
    }

    private Attribution attribute(CallRecord call, Optional<AccountId> keyOwner) {
        AccountId account = call.principal().map(p -> p.account()).or(() -> keyOwner).orElse(defaultAccount);
        Region region = Region.isValid(call.awsRegion()) ? Region.of(call.awsRegion()) : defaultRegion;
        return new Attribution(account, region);
    }
}
