package dev.bulwark.kms.internal;

import dev.bulwark.jobs.JobKey;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.internal.KeyMaterialRecord.RotationType;
import dev.bulwark.store.Documents;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A key's rotation settings ({@link KeyRotationRecord}) and the durable jobs that carry its
 * rotations out, changed together in the caller's transaction so that a setting never exists
 * without its job.
 *
 * <p>Each key has at most two rotation jobs of type {@value #JOB_TYPE}, named by kind:
 * {@code <account>/<region>/<keyId>/AUTOMATIC}, due at the next automatic rotation date, and
 * {@code .../ON_DEMAND}, due at once when an on-demand rotation is asked for. The rotation
 * family's job handler performs them and schedules the next automatic one. AWS managed keys are
 * created with automatic rotation on ({@link AwsManagedKeys}).
 */
public final class KeyRotationSchedule {
    public static final String JOB_TYPE = "kms.rotate-key";

    private final JobScheduler jobs;

    public KeyRotationSchedule(JobScheduler jobs) {
        this.jobs = jobs;
    }

    public static JobKey jobKey(KmsScope scope, String keyId, RotationType kind) {
        return KeyJobId.jobKey(JOB_TYPE, scope, keyId, kind.name());
    }

    public Optional<KeyRotationRecord> find(ReadTransaction tx, KmsScope scope, String keyId) {
        return tx.get(KmsSchema.rotation(scope, keyId))
                .map(stored -> Documents.read(stored.key(), stored.document(), KeyRotationRecord.class));
    }

    /** The key's settings, or those of a key never rotated. */
    public KeyRotationRecord get(ReadTransaction tx, KmsScope scope, String keyId) {
        return find(tx, scope, keyId).orElseGet(() -> KeyRotationRecord.none(keyId));
    }

    public void put(WriteTransaction tx, KmsScope scope, KeyRotationRecord record) {
        tx.put(KmsSchema.rotation(scope, record.keyId()), Documents.write(record), null);
    }

    /** Turns automatic rotation on (or changes its period): the next rotation is {@code days} after {@code from}. */
    public KeyRotationRecord enableAutomatic(WriteTransaction tx, KmsScope scope, String keyId, int days, Instant from) {
        KeyRotationRecord enabled = get(tx, scope, keyId).withAutomatic(days, from.plus(Duration.ofDays(days)));
        put(tx, scope, enabled);
        jobs.schedule(tx, jobKey(scope, keyId, RotationType.AUTOMATIC), enabled.nextRotationDate(), new byte[0]);
        return enabled;
    }

    public void disableAutomatic(WriteTransaction tx, KmsScope scope, String keyId) {
        put(tx, scope, get(tx, scope, keyId).withoutAutomatic());
        jobs.cancel(tx, jobKey(scope, keyId, RotationType.AUTOMATIC));
    }

    /** Moves the next automatic rotation (a rotation happened, or a disabled key must wait). */
    public void rescheduleAutomatic(WriteTransaction tx, KmsScope scope, KeyRotationRecord record, Instant next) {
        put(tx, scope, record.withNextRotation(next));
        jobs.schedule(tx, jobKey(scope, record.keyId(), RotationType.AUTOMATIC), next, new byte[0]);
    }

    /** Records the start of an on-demand rotation and schedules it to run at once. */
    public void startOnDemand(WriteTransaction tx, KmsScope scope, String keyId, Instant now) {
        put(tx, scope, get(tx, scope, keyId).withOnDemandStarted(now));
        jobs.schedule(tx, jobKey(scope, keyId, RotationType.ON_DEMAND), now, new byte[0]);
    }

    /**
     * Moves a key's settings and pending rotations to another region (a multi-Region key whose
     * primary moved there), keeping their dates.
     */
    public void move(WriteTransaction tx, KmsScope from, KmsScope to, String keyId) {
        Optional<KeyRotationRecord> record = find(tx, from, keyId);
        if (record.isEmpty()) {
            return;
        }
        tx.delete(KmsSchema.rotation(from, keyId));
        put(tx, to, record.get());
        for (RotationType kind : RotationType.values()) {
            jobs.find(tx, jobKey(from, keyId, kind)).ifPresent(pending -> {
                jobs.cancel(tx, pending.key());
                jobs.schedule(tx, jobKey(to, keyId, kind), pending.runAt(), new byte[0]);
            });
        }
    }
}
