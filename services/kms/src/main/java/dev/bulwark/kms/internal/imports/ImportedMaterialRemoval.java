package dev.bulwark.kms.internal.imports;

import dev.bulwark.jobs.JobKey;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.internal.ImportedMaterialExpiry;
import dev.bulwark.kms.internal.KeyJobId;
import dev.bulwark.kms.internal.KeyMaterialRecord;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.Set;

/**
 * Takes imported material out of a key, when DeleteImportedKeyMaterial asks for it or when the
 * material expires, with AWS's consequences:
 *
 * <ul>
 *   <li>Material that belongs to the key (current, or earlier) is deleted, its document kept
 *       (ImportState PENDING_IMPORT) so that the same material can be imported again; the key
 *       becomes PendingImport, unless it is pending deletion, and ciphertexts made under that
 *       material do not decrypt until it is back.</li>
 *   <li>Material still pending rotation is not part of the key: it goes entirely, and from a
 *       multi-Region primary it goes from every replica too.</li>
 * </ul>
 *
 * Expiry is a durable job per material ({@value #EXPIRY_JOB_TYPE}, named
 * {@code <account>/<region>/<keyId>/<materialId>}), scheduled at ValidTo by each import.
 */
final class ImportedMaterialRemoval {
    static final String EXPIRY_JOB_TYPE = "kms.expire-key-material";
    private static final Set<KeyState> PENDING_DELETION = Set.of(KeyState.PendingDeletion, KeyState.PendingReplicaDeletion);

    private final KmsRecords records;
    private final MultiRegionFamily multiRegionFamily;
    private final JobScheduler jobs;

    ImportedMaterialRemoval(KmsRecords records, MultiRegionFamily multiRegionFamily, JobScheduler jobs) {
        this.records = records;
        this.multiRegionFamily = multiRegionFamily;
        this.jobs = jobs;
    }

    void remove(WriteTransaction tx, KmsKey key, KeyMaterialRecord material) {
        String materialId = material.materialId();
        jobs.cancel(tx, expiryJob(key.scope(), key.keyId(), materialId));
        if (material.pendingRotation()) {
            records.deleteMaterial(tx, key.scope(), key.keyId(), materialId);
            if (MultiRegionFamily.isPrimary(key)) {
                for (KmsKey replica : multiRegionFamily.others(tx, key)) {
                    jobs.cancel(tx, expiryJob(replica.scope(), replica.keyId(), materialId));
                    records.deleteMaterial(tx, replica.scope(), replica.keyId(), materialId);
                }
            }
            return;
        }
        records.putAbsentMaterial(tx, key.scope(), material);
        KeyRecord updated = key.record()
                .withImportedMaterial(ImportedMaterialExpiry.summarize(records.listMaterials(tx, key.scope(), key.keyId())));
        if (!PENDING_DELETION.contains(key.state())) {
            updated = updated.withState(KeyState.PendingImport);
        }
        records.putKey(tx, key.with(updated));
    }

    /** Schedules the material's expiry at {@code validTo}, or cancels it when the material no longer expires. */
    void scheduleExpiry(WriteTransaction tx, KmsKey key, String materialId, Instant validTo) {
        JobKey job = expiryJob(key.scope(), key.keyId(), materialId);
        if (validTo == null) {
            jobs.cancel(tx, job);
        } else {
            jobs.schedule(tx, job, validTo, new byte[0]);
        }
    }

    private static JobKey expiryJob(KmsScope scope, String keyId, String materialId) {
        return KeyJobId.jobKey(EXPIRY_JOB_TYPE, scope, keyId, materialId);
    }
}
