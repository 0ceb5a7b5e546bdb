package dev.bulwark.kms.internal.imports;

import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.internal.KeyJobId;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.store.WriteTransaction;
import java.util.Optional;

/**
 * Deletes imported key material at its ValidTo, as AWS does: the key becomes PendingImport
 * until the same material is imported again ({@link ImportedMaterialRemoval}). A job whose
 * material was re-imported with a later ValidTo, or without one, finds nothing to do (a re-import
 * also reschedules or cancels it).
 */
public final class KeyMaterialExpiryJob implements JobHandler {
    public static final String TYPE = ImportedMaterialRemoval.EXPIRY_JOB_TYPE;

    private final KmsRecords records;
    private final ImportedMaterialRemoval removal;

    public KeyMaterialExpiryJob(KmsRecords records, MultiRegionFamily multiRegionFamily, JobScheduler jobs) {
        this.records = records;
        this.removal = new ImportedMaterialRemoval(records, multiRegionFamily, jobs);
    }

    @Override
    public void run(WriteTransaction tx, Job job) {
        KeyJobId id = KeyJobId.parse(job.key());
        Optional<KmsKey> key = records.findKey(tx, id.scope(), id.keyId());
        if (key.isEmpty()) {
            return;
        }
        records.findMaterial(tx, id.scope(), id.keyId(), id.requirePart())
                .map(KeyMaterial::record)
                .filter(material -> material.validTo() != null && !material.validTo().isAfter(job.runAt()))
                .ifPresent(material -> removal.remove(tx, key.get(), material));
    }
}
