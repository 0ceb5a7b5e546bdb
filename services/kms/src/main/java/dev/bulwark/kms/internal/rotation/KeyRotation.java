package dev.bulwark.kms.internal.rotation;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyOrigin;
import dev.bulwark.kms.internal.KeyRotationRecord;
import dev.bulwark.kms.internal.KeyRotationSchedule;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.MaterialStates;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.store.ReadTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandRequest;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandResponse;

/**
 * EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus and RotateKeyOnDemand, with AWS's
 * rules: only symmetric encryption keys rotate (asymmetric and HMAC keys answer
 * UnsupportedOperationException without a message, as recorded); automatic rotation is for keys
 * whose material KMS generates, every 90 to 2560 days (365 by default); keys with imported
 * material rotate on demand only, to material imported for the purpose; a multi-Region key is
 * rotated and configured through its primary, and its replicas report the primary's settings;
 * AWS managed keys rotate yearly and cannot be configured.
 *
 * <p>Rotations are durable jobs ({@link KeyRotationJob}). An on-demand rotation is in progress
 * from the request until its job has run (GetKeyRotationStatus' OnDemandRotationStartDate), and
 * another one is refused meanwhile with ConflictException; so is one asked for within 20 minutes
 * of an automatic rotation. A key can be rotated on demand {@value #ON_DEMAND_ROTATION_LIMIT}
 * times in its life.
 */
public final class KeyRotation {
    /**
     * AWS's limit on on-demand rotations per key, as the API reference of the SDK this build
     * speaks states it (AWS's developer guide has since raised it to 25).
     */
    static final int ON_DEMAND_ROTATION_LIMIT = 10;
    static final int DEFAULT_PERIOD_DAYS = 365;
    private static final Duration AUTOMATIC_ROTATION_GUARD = Duration.ofMinutes(20);

    private final KmsTransactions transactions;
    private final KeyAccess access;
    private final KeyRotationSchedule schedule;
    private final MultiRegionFamily multiRegionFamily;
    private final MaterialStates materialStates;
    private final Runnable jobsDueNow;
    private final Clock clock;

    public KeyRotation(KmsCore core) {
        this.transactions = core.transactions();
        this.access = core.access();
        this.schedule = core.rotations();
        this.multiRegionFamily = core.multiRegionFamily();
        this.materialStates = new MaterialStates(core.records(), core.multiRegionFamily());
        this.jobsDueNow = core.jobsDueNow();
        this.clock = core.clock();
    }

    public EnableKeyRotationResponse enableKeyRotation(Caller caller, EnableKeyRotationRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .range("rotationPeriodInDays", request.rotationPeriodInDays(), 90, 2560)
                .orThrow();
        int days = request.rotationPeriodInDays() == null ? DEFAULT_PERIOD_DAYS : request.rotationPeriodInDays();
        transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, request.keyId(), "kms:EnableKeyRotation",
                    conditions -> conditions.put("kms:RotationPeriodInDays", String.valueOf(days)));
            requireAutomaticRotation(key);
            schedule.enableAutomatic(tx, key.scope(), key.keyId(), days, clock.instant());
            return null;
        });
        return EnableKeyRotationResponse.builder().build();
    }

    public DisableKeyRotationResponse disableKeyRotation(Caller caller, DisableKeyRotationRequest request) {
        Validation.check().requiredText("keyId", request.keyId(), 1, 2048).orThrow();
        transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, request.keyId(), "kms:DisableKeyRotation");
            requireAutomaticRotation(key);
            schedule.disableAutomatic(tx, key.scope(), key.keyId());
            return null;
        });
        return DisableKeyRotationResponse.builder().build();
    }

    /**
     * The rotation settings of a symmetric encryption key; a replica reports its primary's. A key
     * pending deletion does not rotate, so its status reads false until the deletion is cancelled.
     */
    public GetKeyRotationStatusResponse getKeyRotationStatus(Caller caller, GetKeyRotationStatusRequest request) {
        Validation.check().requiredText("keyId", request.keyId(), 1, 2048).orThrow();
        return transactions.read(tx -> {
            KmsKey key = access.byKeyId(tx, caller, request.keyId(), "kms:GetKeyRotationStatus");
            requireSymmetric(key);
            KeyRotationRecord settings = settings(tx, key);
            boolean enabled = settings.automatic() && !pendingDeletion(key);
            GetKeyRotationStatusResponse.Builder response = GetKeyRotationStatusResponse.builder()
                    .keyId(key.arn())
                    .keyRotationEnabled(enabled)
                    .onDemandRotationStartDate(settings.onDemandRotationStartDate());
            if (enabled) {
                response.rotationPeriodInDays(settings.periodInDays()).nextRotationDate(settings.nextRotationDate());
            }
            return response.build();
        });
    }

    public RotateKeyOnDemandResponse rotateKeyOnDemand(Caller caller, RotateKeyOnDemandRequest request) {
        Validation.check().requiredText("keyId", request.keyId(), 1, 2048).orThrow();
        KmsKey rotating = transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, request.keyId(), "kms:RotateKeyOnDemand");
            requireSymmetric(key);
            key.requireEnabled();
            if (MultiRegionFamily.isReplica(key)) {
                throw KmsErrors.notMultiRegionPrimary(key.arn());
            }
            if (key.record().origin() == KeyOrigin.EXTERNAL && !hasMaterialReadyToRotate(tx, key)) {
                throw KmsErrors.invalidState("No available key material pending rotation for the key: " + key.arn() + ".");
            }
            KeyRotationRecord settings = schedule.get(tx, key.scope(), key.keyId());
            Instant now = clock.instant();
            if (settings.onDemandRotationStartDate() != null
                    || (settings.automatic() && !settings.nextRotationDate().isAfter(now.plus(AUTOMATIC_ROTATION_GUARD)))) {
                throw KmsErrors.conflict("A rotation of " + key.arn()
                        + " is in progress or scheduled to begin within the next 20 minutes.");
            }
            if (settings.onDemandRotations() >= ON_DEMAND_ROTATION_LIMIT) {
                throw KmsErrors.limitExceeded("The on-demand rotations limit has been reached for the given keyId. "
                        + "No more on-demand rotations can be performed for this key: " + key.arn());
            }
            schedule.startOnDemand(tx, key.scope(), key.keyId(), now);
            return key;
        });
        jobsDueNow.run();
        return RotateKeyOnDemandResponse.builder().keyId(rotating.arn()).build();
    }

    /** Symmetric encryption keys rotate; asymmetric and HMAC keys do not (AWS answers without a message). */
    static void requireSymmetric(KmsKey key) {
        if (key.spec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw KmsErrors.unsupportedOperation(null);
        }
    }

    /** Automatic rotation: symmetric keys with KMS-generated material, configured on a multi-Region key's primary. */
    private static void requireAutomaticRotation(KmsKey key) {
        requireSymmetric(key);
        if (key.record().origin() != KeyOrigin.AWS_KMS) {
            throw KmsErrors.originNotValid(key.arn(), key.record().origin());
        }
        if (MultiRegionFamily.isReplica(key)) {
            throw KmsErrors.notMultiRegionPrimary(key.arn());
        }
        key.requireEnabled();
    }

    private boolean hasMaterialReadyToRotate(ReadTransaction tx, KmsKey key) {
        return materialStates.pendingRotation(tx, key)
                .filter(pending -> materialStates.presentInWholeFamily(tx, key, pending.record().materialId()))
                .isPresent();
    }

    /** The key's settings, kept by the primary for a multi-Region key (none once the primary is gone). */
    private KeyRotationRecord settings(ReadTransaction tx, KmsKey key) {
        return multiRegionFamily.primary(tx, key)
                .map(primary -> schedule.get(tx, primary.scope(), primary.keyId()))
                .orElseGet(() -> KeyRotationRecord.none(key.keyId()));
    }

    private static boolean pendingDeletion(KmsKey key) {
        return List.of(KeyState.PendingDeletion, KeyState.PendingReplicaDeletion).contains(key.state());
    }
}
