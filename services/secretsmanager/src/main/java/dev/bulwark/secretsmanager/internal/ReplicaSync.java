package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.secretsmanager.internal.SecretRecord.Replica;
import dev.bulwark.secretsmanager.internal.SecretRecords.StoredVersion;
import dev.bulwark.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps replicas of a secret identical to their primary. A replica is a real secret in the other
 * region's scope, with the primary's name, the primary's ARN in that region, the primary's
 * metadata, labels and versions, and values encrypted again under a key of that region (a fresh
 * data key per version, with the replica's ARN in the encryption context), so a replica can be
 * read, and promoted, without the primary's region.
 *
 * <p>Every change to a primary calls {@link #sync} after its own transaction committed: the
 * replica's metadata is copied, versions it lacks are decrypted from the primary and encrypted
 * for it (as the caller, in each region, so the caller's KMS permissions in both regions apply, as
 * in AWS) and versions the primary no longer has are removed. The outcome is recorded in the
 * primary's ReplicationStatus: InSync, or Failed with the reason. A replica that failed is
 * brought up to date by the next change of its primary. Replication is not itself durable: a
 * crash between a primary's commit and its replica's leaves the replica one change behind until
 * the next one.
 */
public final class ReplicaSync {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSync.class);

    private final Store store;
    private final SecretRecords records;
    private final SecretCipher cipher;

    public ReplicaSync(Store store, SecretRecords records, SecretCipher cipher) {
        this.store = store;
        this.records = records;
        this.cipher = cipher;
    }

    /** Brings every replica of a primary up to date; does nothing for a secret without replicas. */
    public void sync(Caller caller, SecretScope primaryScope, String name) {
        Optional<SecretRecord> primary = store.read(tx -> records.find(tx, primaryScope, name));
        if (primary.isEmpty() || primary.get().replicas().isEmpty() || primary.get().isReplica()) {
            return;
        }
        Map<String, Replica> outcomes = new HashMap<>();
        for (Replica replica : primary.get().replicas()) {
            outcomes.put(replica.region(), syncOne(caller, primaryScope, primary.get(), replica));
        }
        store.write(tx -> {
            records.find(tx, primaryScope, name).filter(now -> now.arn().equals(primary.get().arn())).ifPresent(now -> {
                List<Replica> updated = now.replicas().stream().map(r -> outcomes.getOrDefault(r.region(), r)).toList();
                records.put(tx, primaryScope, now.withReplication(now.primaryRegion(), updated, now.lastChangedDate()));
            });
            return null;
        });
    }

    private Replica syncOne(Caller caller, SecretScope primaryScope, SecretRecord primary, Replica replica) {
        Region region = Region.of(replica.region());
        SecretScope replicaScope = primaryScope.inRegion(region);
        String replicaArn = SecretIds.inRegion(primary.arn(), region);
        try {
            Optional<SecretRecord> existing = store.read(tx -> records.find(tx, replicaScope, primary.name()));
            if (existing.isPresent() && !existing.get().arn().equals(replicaArn)) {
                return replica.withStatus(Replica.FAILED,
                        "Replication failed: Secret name " + primary.name() + " already exists in region " + region + ".");
            }
            Set<String> present = existing.isEmpty() ? Set.of() : store.read(tx -> records.versions(tx, replicaScope, primary.name()))
                    .stream().filter(VersionRecord::hasValue).map(VersionRecord::versionId).collect(Collectors.toSet());
            List<StoredVersion> source = store.read(tx -> records.versions(tx, primaryScope, primary.name()).stream()
                    .map(v -> records.findVersion(tx, primaryScope, primary.name(), v.versionId()).orElseThrow())
                    .toList());
            Caller there = caller.inRegion(region);
            List<Copy> copies = new ArrayList<>();
            for (StoredVersion version : source) {
                if (version.version().hasValue() && !present.contains(version.version().versionId())) {
                    SecretBytes plaintext = cipher.open(caller, primary.arn(), version.version(), version.ciphertext().orElseThrow());
                    try {
                        copies.add(new Copy(version.version(),
                                cipher.seal(there, replica.kmsKeyId(), replicaArn, version.version().versionId(), plaintext)));
                    } finally {
                        plaintext.destroy();
                    }
                }
            }
            Set<String> sourceIds = source.stream().map(v -> v.version().versionId()).collect(Collectors.toSet());
            store.write(tx -> {
                for (VersionRecord old : records.versions(tx, replicaScope, primary.name())) {
                    if (!sourceIds.contains(old.versionId())) {
                        records.deleteVersion(tx, replicaScope, primary.name(), old.versionId());
                    }
                }
                for (StoredVersion version : source) {
                    if (!version.version().hasValue()) {
                        records.putVersion(tx, replicaScope, primary.name(), version.version(), null);
                    }
                }
                for (Copy copy : copies) {
                    VersionRecord stored = copy.version().withValue(copy.version().type(), copy.sealed().kmsKeyArn(),
                            copy.sealed().encryptedDataKey());
                    records.putVersion(tx, replicaScope, primary.name(), stored, copy.sealed().ciphertext());
                }
                Optional<SecretRecord> current = records.find(tx, replicaScope, primary.name());
                records.put(tx, replicaScope, new SecretRecord(primary.name(), replicaArn, primary.description(), replica.kmsKeyId(),
                        primary.createdDate(), primary.lastChangedDate(),
                        current.map(SecretRecord::lastAccessedDate).orElse(null), null, null, primary.tags(), primary.stages(),
                        primary.resourcePolicy(), primary.rotation(), primaryScope.region().name(), List.of()));
                return null;
            });
            return replica.withStatus(Replica.IN_SYNC, "Replication succeeded");
        } catch (AwsException failure) {
            LOG.info("Replication of {} to {} failed: {}", primary.arn(), region, failure.getMessage());
            return replica.withStatus(Replica.FAILED, "Replication failed: " + failure.getMessage());
        }
    }

    /** Removes a replica's records from its region. */
    public void removeReplica(SecretScope primaryScope, String name, String replicaArn, Region region) {
        SecretScope replicaScope = primaryScope.inRegion(region);
        store.write(tx -> {
            records.find(tx, replicaScope, name).filter(r -> r.arn().equals(replicaArn))
                    .ifPresent(r -> records.purge(tx, replicaScope, name));
            return null;
        });
    }

    private record Copy(VersionRecord version, SecretCipher.Sealed sealed) {
    }
}
