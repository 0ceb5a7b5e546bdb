package dev.bulwark.kms.internal.replication;

import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.kms.internal.KeyJobId;
import dev.bulwark.kms.internal.KeyOrigin;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsRecords.ListedMaterial;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.store.WriteTransaction;
import java.util.Optional;

/**
 * Completes a replica that ReplicateKey left in state Creating, as AWS does a few seconds after
 * the call: the replica receives the primary's key material and becomes Enabled.
 *
 * <p>Replicas share their primary's material by copy: each material record is written again,
 * sealed, in the replica's region (same material id, same secret), so that decrypting in any
 * region reads only that region's records and a ciphertext names material every member holds.
 * Rotations of the primary write the new material to every member the same way. A replica of a
 * key with imported material receives the material's documents only and waits in PendingImport
 * for the same material to be imported into it, as in AWS.
 *
 * <p>Type {@value #TYPE}, named {@code <account>/<replica region>/<keyId>}.
 */
public final class ReplicaCreationJob implements JobHandler {
    public static final String TYPE = "kms.create-replica";

    private final KmsRecords records;
    private final MultiRegionFamily multiRegionFamily;

    public ReplicaCreationJob(KmsRecords records, MultiRegionFamily multiRegionFamily) {
        this.records = records;
        this.multiRegionFamily = multiRegionFamily;
    }

    static JobKey jobKey(KmsScope replicaScope, String keyId) {
        return KeyJobId.jobKey(TYPE, replicaScope, keyId);
    }

    @Override
    public void run(WriteTransaction tx, Job job) {
        KeyJobId id = KeyJobId.parse(job.key());
        Optional<KmsKey> replica = records.findKey(tx, id.scope(), id.keyId()).filter(key -> key.state() == KeyState.Creating);
        Optional<KmsKey> primary = replica.flatMap(key -> multiRegionFamily.primary(tx, key));
        if (replica.isEmpty() || primary.isEmpty()) {
            return;
        }
        boolean imported = primary.get().record().origin() == KeyOrigin.EXTERNAL;
        for (ListedMaterial listed : records.listMaterials(tx, primary.get().scope(), id.keyId())) {
            if (imported || !listed.present()) {
                records.putAbsentMaterial(tx, id.scope(), listed.record().reimported(null, null));
            } else {
                records.putMaterial(tx, id.scope(),
                        records.findMaterial(tx, primary.get().scope(), id.keyId(), listed.record().materialId()).orElseThrow());
            }
        }
        KmsKey created = replica.get().with(replica.get().record()
                .withCurrentMaterial(primary.get().record().currentMaterialId())
                .withState(imported ? KeyState.PendingImport : KeyState.Enabled));
        records.putKey(tx, created);
    }
}
