package dev.bulwark.kms.internal;

import dev.bulwark.core.Region;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys of one multi-Region key: the primary and its replicas, one per region of the same
 * account, all with the same {@code mrk-} id. Each member is a key record in its own region's
 * scope and keeps its own copy of the family's layout ({@link KeyRecord.MultiRegion}); the
 * operations that change the layout (ReplicateKey, UpdatePrimaryRegion, a replica's deletion)
 * change every member's copy in one transaction, so the copies never disagree.
 */
public final class MultiRegionFamily {
    private final KmsRecords records;

    public MultiRegionFamily(KmsRecords records) {
        this.records = records;
    }

    public static boolean isPrimary(KmsKey key) {
        KeyRecord.MultiRegion layout = key.record().multiRegion();
        return layout != null && layout.primaryRegion().equals(key.scope().region().name());
    }

    public static boolean isReplica(KmsKey key) {
        return key.record().multiRegion() != null && !isPrimary(key);
    }

    /**
     * The key that holds the settings the family shares: a replica's primary (empty once it is
     * gone), or the key itself for a primary or a single-Region key.
     */
    public Optional<KmsKey> primary(ReadTransaction tx, KmsKey key) {
        if (!isReplica(key)) {
            return Optional.of(key);
        }
        return records.findKey(tx, key.scope().inRegion(Region.of(key.record().multiRegion().primaryRegion())), key.keyId());
    }

    /** The other members of the key's family that exist (every replica, for a primary). */
    public List<KmsKey> others(ReadTransaction tx, KmsKey key) {
        KeyRecord.MultiRegion layout = key.record().multiRegion();
        if (layout == null) {
            return List.of();
        }
        List<String> regions = new ArrayList<>(layout.replicaRegions());
        regions.add(0, layout.primaryRegion());
        List<KmsKey> others = new ArrayList<>();
        for (String region : regions) {
            if (!region.equals(key.scope().region().name())) {
                records.findKey(tx, key.scope().inRegion(Region.of(region)), key.keyId()).ifPresent(others::add);
            }
        }
        return others;
    }

    /** Stores a new layout in every member that exists, as the members' records read now. */
    public void putLayout(WriteTransaction tx, List<KmsKey> members, KeyRecord.MultiRegion layout) {
        for (KmsKey member : members) {
            KmsKey current = records.findKey(tx, member.scope(), member.keyId()).orElse(member);
            records.putKey(tx, current.with(current.record().withMultiRegion(layout)));
        }
    }

    /**
     * Removes a deleted replica from the layout its remaining family members keep, so they stop
     * listing it among their ReplicaKeys.
     */
    public void forgetReplica(WriteTransaction tx, KmsScope replicaScope, KeyRecord replica) {
        KeyRecord.MultiRegion layout = replica.multiRegion();
        String region = replicaScope.region().name();
        if (layout == null || layout.primaryRegion().equals(region)) {
            return;
        }
        List<String> remaining = layout.replicaRegions().stream().filter(r -> !r.equals(region)).toList();
        List<KmsKey> members = others(tx, new KmsKey(replicaScope, replica));
        putLayout(tx, members, new KeyRecord.MultiRegion(layout.primaryRegion(), remaining));
    }
}
