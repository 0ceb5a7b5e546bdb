package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.StoredDocuments.EventScope;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import dev.bulwark.store.StoredRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes events older than the retention period (90 days by default, as LookupEvents keeps
 * them on AWS). Events are stored newest first, so the expired ones are the tail of each
 * scope's listing: the sweep seeks there and deletes in small transactions, which keep the
 * writer lock short for the group commits running beside it.
 */
public final class EventRetention {
    private static final int DELETIONS_PER_TRANSACTION = 1_000;

    private final Store store;
    private final Clock clock;
    private final Duration retention;

    public EventRetention(Store store, Clock clock, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes every expired event; returns how many. */
    public long sweep() {
        Instant cutoff = clock.instant().minus(retention);
        long deleted = 0;
        for (EventScope scope : scopes()) {
            String scopeKey = RecordKey.scope(AccountId.of(scope.account()), Region.of(scope.region()));
            while (true) {
                int removed = store.write(tx -> {
                    Page expired = tx.list(CloudTrailSchema.EVENT, scopeKey, "", EventIds.seekOlderThan(cutoff),
                            DELETIONS_PER_TRANSACTION);
                    expired.records().forEach(record -> tx.delete(record.key()));
                    return expired.records().size();
                });
                deleted += removed;
                if (removed < DELETIONS_PER_TRANSACTION) {
                    break;
                }
            }
        }
        return deleted;
    }

    private List<EventScope> scopes() {
        return store.read(tx -> {
            List<EventScope> scopes = new ArrayList<>();
            String after = "";
            while (true) {
                Page page = tx.list(CloudTrailSchema.EVENT_SCOPE, CloudTrailSchema.SERVER, "", after, 500);
                for (StoredRecord record : page.records()) {
                    scopes.add(Documents.read(record.key(), record.document(), EventScope.class));
                }
                if (page.nextAfterId().isEmpty()) {
                    return scopes;
                }
                after = page.nextAfterId().get();
            }
        });
    }
}
