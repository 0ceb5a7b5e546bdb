package dev.bulwark.kms.internal.lifecycle;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.MultiRegionFamily;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;

/**
 * ScheduleKeyDeletion and CancelKeyDeletion.
 *
 * <p>Scheduling puts the key in PendingDeletion with a deletion date 7 to 30 days ahead (30 by
 * default) and schedules a {@link KeyDeletionJob} for that date in the same transaction, so the
 * state and the job commit together. From the deletion date on the key is gone for every
 * operation ({@link KmsRecords#findKey}); the job then removes its records. Cancelling returns
 * the key to Disabled, as AWS does (to PendingImport for an imported key that lacks some of its material),
 * and cancels the job.
 *
 * <p>A multi-Region primary that still has replicas waits for them, as AWS's does: it is
 * PendingReplicaDeletion, with its waiting period but no deletion date, until the deletion of its
 * last replica starts the period ({@link KeyDeletionJob}).
 */
public final class KeyDeletion {
    private static final int DEFAULT_WINDOW_DAYS = 30;
    private static final Set<KeyState> DELETABLE = EnumSet.of(
            KeyState.Enabled, KeyState.Disabled, KeyState.PendingImport, KeyState.Unavailable);

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;
    private final JobScheduler jobs;
    private final MultiRegionFamily multiRegionFamily;
    private final Clock clock;

    public KeyDeletion(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
        this.jobs = core.jobs();
        this.multiRegionFamily = core.multiRegionFamily();
        this.clock = core.clock();
    }

    public ScheduleKeyDeletionResponse scheduleKeyDeletion(Caller caller, ScheduleKeyDeletionRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .range("pendingWindowInDays", request.pendingWindowInDays(), 1, 365)
                .orThrow();
        int days = request.pendingWindowInDays() == null ? DEFAULT_WINDOW_DAYS : request.pendingWindowInDays();
        if (days < 7 || days > 30) {
            throw CommonErrors.validation("PendingWindowInDays must be between 7 and 30, inclusive.");
        }
        Instant deletionDate = clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MILLIS);
        KmsKey scheduled = transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, request.keyId(), "kms:ScheduleKeyDeletion");
            key.requireState(DELETABLE);
            if (MultiRegionFamily.isPrimary(key) && !multiRegionFamily.others(tx, key).isEmpty()) {
                // The waiting period starts when the last replica is gone (KeyDeletionJob).
                KmsKey waiting = key.with(key.record().withPendingReplicaDeletion(days));
                records.putKey(tx, waiting);
                return waiting;
            }
            KmsKey pending = key.with(key.record().withPendingDeletion(deletionDate, days));
            records.putKey(tx, pending);
            jobs.schedule(tx, KeyDeletionJob.jobKey(key.scope(), key.keyId()), deletionDate, new byte[0]);
            return pending;
        });
        return ScheduleKeyDeletionResponse.builder()
                .keyId(scheduled.arn())
                .deletionDate(scheduled.record().deletionDate())
                .keyState(scheduled.state().name())
                .pendingWindowInDays(days)
                .build();
    }

    public CancelKeyDeletionResponse cancelKeyDeletion(Caller caller, CancelKeyDeletionRequest request) {
        Validation.check().requiredText("keyId", request.keyId(), 1, 2048).orThrow();
        KmsKey cancelled = transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, request.keyId(), "kms:CancelKeyDeletion");
            if (key.state() != KeyState.PendingDeletion && key.state() != KeyState.PendingReplicaDeletion) {
                throw KmsErrors.invalidState(key.arn() + " is not pending deletion.");
            }
            KeyState restoredState = records.awaitsImport(tx, key) ? KeyState.PendingImport : KeyState.Disabled;
            KmsKey restored = key.with(key.record().withState(restoredState));
            records.putKey(tx, restored);
            jobs.cancel(tx, KeyDeletionJob.jobKey(key.scope(), key.keyId()));
            return restored;
        });
        return CancelKeyDeletionResponse.builder().keyId(cancelled.arn()).build();
    }
}
