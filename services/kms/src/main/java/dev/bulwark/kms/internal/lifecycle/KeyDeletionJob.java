package dev.bulwark.kms.internal.lifecycle;

import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.kms.internal.KeyJobId;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.store.WriteTransaction;
import java.util.Optional;

/**
 * Deletes a key whose waiting period has ended: the key record, its materials (so nothing can
 * decrypt its ciphertexts any more), its records in every per-key namespace and its aliases. A
 * deleted replica of a multi-Region key leaves its family's layout, so the primary and the other
 * replicas stop listing it.
 *
 * <p>The job is named by the key ({@code <account>/<region>/<keyId>}), so scheduling again
 * replaces the earlier job. It deletes only a key that is still pending deletion with a date at or
 * before the job's: a key whose deletion was cancelled, or rescheduled later, is left alone.
 */
public final class KeyDeletionJob implements JobHandler {
    public static final String TYPE = "kms.delete-key";

    private final KmsRecords records;
    private final MultiRegionFamily multiRegionFamily;

    public KeyDeletionJob(KmsRecords records, MultiRegionFamily multiRegionFamily) {
        this.records = records;
        this.multiRegionFamily = multiRegionFamily;
    }

    static JobKey jobKey(KmsScope scope, String keyId) {
        return KeyJobId.jobKey(TYPE, scope, keyId);
    }

    @Override
    public void run(WriteTransaction tx, Job job) {
        KeyJobId id = KeyJobId.parse(job.key());
        Optional<KeyRecord> key = records.findKeyRecord(tx, id.scope(), id.keyId());
        if (key.isPresent() && key.get().state() == KeyState.PendingDeletion && !key.get().deletionDate().isAfter(job.runAt())) {
            multiRegionFamily.forgetReplica(tx, id.scope(), key.get());
            records.purgeKey(tx, id.scope(), id.keyId());
        }
    }
}
