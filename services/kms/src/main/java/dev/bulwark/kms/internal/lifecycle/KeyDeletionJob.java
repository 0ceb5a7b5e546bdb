package dev.bulwark.kms.internal.lifecycle;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.store.WriteTransaction;
import java.util.Optional;

/**
 * Deletes a key whose waiting period has ended: the key record, its materials (so nothing can
 * decrypt its ciphertexts any more), its records in every per-key namespace and its aliases.
 *
 * <p>The job is named by the key ({@code <account>/<region>/<keyId>}), so scheduling again
 * replaces the earlier job. It deletes only a key that is still pending deletion with a date at or
 * before the job's: a key whose deletion was cancelled, or rescheduled later, is left alone.
 */
public final class KeyDeletionJob implements JobHandler {
    public static final String TYPE = "kms.delete-key";

    private final KmsRecords records;

    public KeyDeletionJob(KmsRecords records) {
        this.records = records;
    }

    static JobKey jobKey(KmsScope scope, String keyId) {
        return new JobKey(TYPE, scope.storeScope() + "/" + keyId);
    }

    @Override
    public void run(WriteTransaction tx, Job job) {
        String[] parts = job.key().id().split("/", 3);
        if (parts.length != 3 || !AccountId.isValid(parts[0]) || !Region.isValid(parts[1])) {
            throw new IllegalArgumentException("Not a KMS key deletion job: " + job.key().id());
        }
        KmsScope scope = new KmsScope(AccountId.of(parts[0]), Region.of(parts[1]));
        String keyId = parts[2];
        Optional<KeyRecord> key = records.findKeyRecord(tx, scope, keyId);
        if (key.isPresent() && key.get().state() == KeyState.PendingDeletion && !key.get().deletionDate().isAfter(job.runAt())) {
            records.purgeKey(tx, scope, keyId);
        }
    }
}
