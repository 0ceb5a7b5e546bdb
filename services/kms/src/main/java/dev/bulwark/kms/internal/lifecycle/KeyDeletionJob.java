package dev.bulwark.kms.internal.lifecycle;

import dev.bulwark.core.Region;
import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.internal.KeyJobId;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.store.WriteTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes a key whose waiting period has ended: the key record, its materials (so nothing can
 * decrypt its ciphertexts any more), its records in every per-key namespace and its aliases. A
 * deleted replica of a multi-Region key leaves its family's layout, so the primary and the other
 * replicas stop listing it; when it was the last replica of a primary waiting in
 * PendingReplicaDeletion, the primary's own waiting period starts then.
 *
 * <p>The job is named by the key ({@code <account>/<region>/<keyId>}), so scheduling again
 * replaces the earlier job. It deletes only a key that is still pending deletion with a date at or
 * before the job's: a key whose deletion was cancelled, or rescheduled later, is left alone.
 */
public final class KeyDeletionJob implements JobHandler {
    public static final String TYPE = "kms.delete-key";

    private final KmsRecords records;
    private final MultiRegionFamily multiRegionFamily;
    private final JobScheduler jobs;

    public KeyDeletionJob(KmsRecords records, MultiRegionFamily multiRegionFamily, JobScheduler jobs) {
        this.records = records;
        this.multiRegionFamily = multiRegionFamily;
        this.jobs = jobs;
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
            if (key.get().multiRegion() != null) {
                startWaitingPrimary(tx, new KmsKey(id.scope(), key.get()), job.runAt());
            }
        }
    }

    /** A primary waiting for its replicas starts its own waiting period once the last one is gone. */
    private void startWaitingPrimary(WriteTransaction tx, KmsKey deletedReplica, Instant now) {
        KmsScope primaryScope = deletedReplica.scope().inRegion(Region.of(deletedReplica.record().multiRegion().primaryRegion()));
        records.findKey(tx, primaryScope, deletedReplica.keyId())
                .filter(primary -> primary.state() == KeyState.PendingReplicaDeletion)
                .filter(primary -> multiRegionFamily.others(tx, primary).isEmpty())
                .ifPresent(primary -> {
                    int days = primary.record().pendingDeletionWindowInDays();
                    Instant deletionDate = now.plus(Duration.ofDays(days));
                    records.putKey(tx, primary.with(primary.record().withPendingDeletion(deletionDate, days)));
                    jobs.schedule(tx, jobKey(primaryScope, primary.keyId()), deletionDate, new byte[0]);
                });
    }
}
