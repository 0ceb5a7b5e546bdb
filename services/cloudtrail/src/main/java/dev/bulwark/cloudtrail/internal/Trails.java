package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.StoredDocuments.TrailRef;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trail records: each in its account's home-region scope, plus a server-wide index entry so
 * that an account's trails in every region, and every trail of the server, can be listed.
 */
public final class Trails {
    private static final int PAGE = 500;

    private Trails() {
    }

    public static Optional<TrailDocument> get(ReadTransaction tx, AccountId account, Region homeRegion, String name) {
        return tx.get(CloudTrailSchema.trail(account, homeRegion, name)).map(Trails::read);
    }

    public static Optional<TrailDocument> get(ReadTransaction tx, TrailRef ref) {
        return get(tx, AccountId.of(ref.account()), Region.of(ref.homeRegion()), ref.name());
    }

    /** Creates or replaces a trail (and its index entry). */
    public static void put(WriteTransaction tx, TrailDocument trail) {
        tx.put(CloudTrailSchema.trail(trail.accountId(), trail.region(), trail.name()), Documents.write(trail), null);
        tx.put(CloudTrailSchema.trailIndex(trail.accountId(), trail.region(), trail.name()),
                Documents.write(new TrailRef(trail.account(), trail.homeRegion(), trail.name())), null);
    }

    public static void delete(WriteTransaction tx, TrailDocument trail) {
        tx.delete(CloudTrailSchema.trail(trail.accountId(), trail.region(), trail.name()));
        tx.delete(CloudTrailSchema.trailIndex(trail.accountId(), trail.region(), trail.name()));
    }

    /** Every trail of an account, in every region, ordered by home region and name. */
    public static List<TrailDocument> ofAccount(ReadTransaction tx, AccountId account) {
        return list(tx, CloudTrailSchema.trailIndexPrefix(account));
    }

    /** Every trail of the server. */
    public static List<TrailDocument> all(ReadTransaction tx) {
        return list(tx, "");
    }

    /**
     * The trails a region sees: those created there and, from other regions, the multi-region
     * trails (AWS's shadow trails).
     */
    public static List<TrailDocument> visibleIn(ReadTransaction tx, AccountId account, Region region) {
        return ofAccount(tx, account).stream()
                .filter(trail -> trail.homeRegion().equals(region.name()) || trail.settings().multiRegion())
                .toList();
    }

    private static List<TrailDocument> list(ReadTransaction tx, String indexPrefix) {
        List<TrailDocument> trails = new ArrayList<>();
        String after = "";
        while (true) {
            Page page = tx.list(CloudTrailSchema.TRAIL_INDEX, CloudTrailSchema.SERVER, indexPrefix, after, PAGE);
            for (StoredRecord entry : page.records()) {
                TrailRef ref = Documents.read(entry.key(), entry.document(), TrailRef.class);
                get(tx, ref).ifPresent(trails::add);
            }
            if (page.nextAfterId().isEmpty()) {
                return trails;
            }
            after = page.nextAfterId().get();
        }
    }

    private static TrailDocument read(StoredRecord record) {
        return Documents.read(record.key(), record.document(), TrailDocument.class);
    }
}
