package dev.bulwark.kms.internal.rotation;

import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.kms.internal.KeyJobId;
import dev.bulwark.kms.internal.KeyMaterialRecord.RotationType;
import dev.bulwark.kms.internal.KeyMaterials;
import dev.bulwark.kms.internal.KeyRotationRecord;
import dev.bulwark.kms.internal.KeyRotationSchedule;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.MaterialStates;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.store.WriteTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs the rotations {@link KeyRotationSchedule} schedules (type {@value KeyRotationSchedule#JOB_TYPE}).
 *
 * <ul>
 *   <li><b>Automatic</b>: if automatic rotation is still on, rotates and schedules the next one a
 *       rotation period later. KMS does not rotate a key that is disabled or pending deletion; the
 *       job then looks again every {@link #PAUSED_RECHECK} and rotates as soon as the key is
 *       enabled again, so a key re-enabled after its rotation date rotates promptly, as in AWS.</li>
 *   <li><b>On demand</b>: rotates once and ends the rotation in progress (GetKeyRotationStatus'
 *       OnDemandRotationStartDate). It runs whatever the key's state by then, as AWS completes an
 *       on-demand rotation it has started; a deleted key has nothing left to rotate.</li>
 * </ul>
 *
 * The job commits with its effect ({@link JobHandler}), so a rotation happens exactly once.
 */
public final class KeyRotationJob implements JobHandler {
    /** How often a key that cannot rotate now (disabled, pending deletion) is looked at again. */
    static final Duration PAUSED_RECHECK = Duration.ofHours(1);

    private final KmsRecords records;
    private final KeyRotationSchedule schedule;
    private final KeyRotator rotator;
    private final Clock clock;

    public KeyRotationJob(KmsRecords records, KeyMaterials materials, KeyRotationSchedule schedule,
            MultiRegionFamily multiRegionFamily, Clock clock) {
        this.records = records;
        this.schedule = schedule;
        this.rotator = new KeyRotator(records, materials, multiRegionFamily, new MaterialStates(records, multiRegionFamily));
        this.clock = clock;
    }

    @Override
    public void run(WriteTransaction tx, Job job) {
        KeyJobId id = KeyJobId.parse(job.key());
        RotationType kind = RotationType.valueOf(id.requirePart());
        Optional<KmsKey> key = records.findKey(tx, id.scope(), id.keyId());
        Optional<KeyRotationRecord> settings = schedule.find(tx, id.scope(), id.keyId());
        if (key.isEmpty() || settings.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        switch (kind) {
            case AUTOMATIC -> rotateAutomatically(tx, key.get(), settings.get(), now);
            case ON_DEMAND -> rotateOnDemand(tx, key.get(), settings.get(), now);
        }
    }

    private void rotateAutomatically(WriteTransaction tx, KmsKey key, KeyRotationRecord settings, Instant now) {
        if (!settings.automatic()) {
            return;
        }
        if (key.state() != KeyState.Enabled) {
            schedule.rescheduleAutomatic(tx, key.scope(), settings, now.plus(PAUSED_RECHECK));
            return;
        }
        rotator.rotate(tx, key, RotationType.AUTOMATIC, now);
        schedule.rescheduleAutomatic(tx, key.scope(), settings, now.plus(Duration.ofDays(settings.periodInDays())));
    }

    private void rotateOnDemand(WriteTransaction tx, KmsKey key, KeyRotationRecord settings, Instant now) {
        if (settings.onDemandRotationStartDate() == null) {
            return;
        }
        rotator.rotate(tx, key, RotationType.ON_DEMAND, now);
        schedule.put(tx, key.scope(), settings.withOnDemandFinished());
    }
}
