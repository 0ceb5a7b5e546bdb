package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.store.RecordKey;
import java.time.Instant;
import java.util.UUID;

/**
 * CloudTrail's storage schema: every namespace it writes and how their keys are made.
 *
 * <p>What belongs to an account lives in that account's scope ({@code account/region}): events
 * in the region they happened in, trails and signing keys in the trail's home region. What the
 * background writer and deliverer must find across every account lives in the server-wide
 * (empty) scope: the batches waiting for delivery, the index of trails, the scopes that hold
 * events and the delivered log files waiting for their digest.
 *
 * <table>
 *   <tr><th>namespace</th><th>scope</th><th>id</th><th>document</th></tr>
 *   <tr><td>{@value #EVENT}</td><td>account/region</td><td>{@link EventIds}</td><td>the CloudTrail event record</td></tr>
 *   <tr><td>{@value #EVENT_SCOPE}</td><td>server</td><td>account/region</td><td>{@link StoredDocuments.EventScope}</td></tr>
 *   <tr><td>{@value #OUTBOX}</td><td>server</td><td>commit time, unique suffix</td><td>{@link StoredDocuments.OutboxBatch}</td></tr>
 *   <tr><td>{@value #TRAIL}</td><td>account/home region</td><td>trail name</td><td>{@link TrailDocument}</td></tr>
 *   <tr><td>{@value #TRAIL_INDEX}</td><td>server</td><td>account/home region/name</td><td>{@link StoredDocuments.TrailRef}</td></tr>
 *   <tr><td>{@value #SIGNING_KEY}</td><td>account/home region</td><td>key fingerprint</td><td>{@link StoredDocuments.SigningKey}; private key sealed</td></tr>
 *   <tr><td>{@value #DELIVERED_LOG}</td><td>server</td><td>trail ARN, region, delivery time, name</td><td>{@link StoredDocuments.DeliveredLog}</td></tr>
 * </table>
 */
public final class CloudTrailSchema {
    public static final String EVENT = "cloudtrail.event";
    public static final String EVENT_SCOPE = "cloudtrail.event-scope";
    public static final String OUTBOX = "cloudtrail.outbox";
    public static final String TRAIL = "cloudtrail.trail";
    public static final String TRAIL_INDEX = "cloudtrail.trail-index";
    public static final String SIGNING_KEY = "cloudtrail.signing-key";
    public static final String DELIVERED_LOG = "cloudtrail.delivered-log";

    /** The scope of server-wide bookkeeping records. */
    public static final String SERVER = "";

    private CloudTrailSchema() {
    }

    public static RecordKey event(String scope, String eventRecordId) {
        return new RecordKey(EVENT, scope, eventRecordId);
    }

    public static RecordKey eventScope(String scope) {
        return new RecordKey(EVENT_SCOPE, SERVER, scope);
    }

    /** Outbox ids sort by commit time, oldest first, so delivery takes batches in the order they were stored. */
    public static String outboxId(Instant committed) {
        return String.format("%013d-%s", committed.toEpochMilli(), UUID.randomUUID());
    }

    public static RecordKey outbox(String batchId) {
        return new RecordKey(OUTBOX, SERVER, batchId);
    }

    public static RecordKey trail(AccountId account, Region homeRegion, String name) {
        return new RecordKey(TRAIL, RecordKey.scope(account, homeRegion), name);
    }

    public static RecordKey trailIndex(AccountId account, Region homeRegion, String name) {
        return new RecordKey(TRAIL_INDEX, SERVER, trailIndexPrefix(account) + homeRegion.name() + "/" + name);
    }

    /** The index ids of one account's trails, in every region, start with this. */
    public static String trailIndexPrefix(AccountId account) {
        return account.value() + "/";
    }

    public static RecordKey signingKey(AccountId account, Region homeRegion, String fingerprint) {
        return new RecordKey(SIGNING_KEY, RecordKey.scope(account, homeRegion), fingerprint);
    }

    public static RecordKey deliveredLog(String id) {
        return new RecordKey(DELIVERED_LOG, SERVER, id);
    }

    /** The id prefix of the delivered log files of one trail. */
    public static String deliveredLogPrefix(String trailArn) {
        return trailArn + "|";
    }

    /** The id prefix of the delivered log files of one trail and region, in delivery order. */
    public static String deliveredLogPrefix(String trailArn, String region) {
        return deliveredLogPrefix(trailArn) + region + "|";
    }
}
