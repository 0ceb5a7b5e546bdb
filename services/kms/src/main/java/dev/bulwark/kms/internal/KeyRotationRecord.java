package dev.bulwark.kms.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored rotation settings of a key ({@link KmsSchema#KEY_ROTATIONS}). A multi-Region key
 * keeps one, in its primary's region: rotation is a property its replicas share.
 *
 * @param automatic                 whether automatic rotation is enabled
 * @param periodInDays              days between automatic rotations; null while automatic rotation is off
 * @param nextRotationDate          when the next automatic rotation is due; null while it is off
 * @param onDemandRotationStartDate when the on-demand rotation in progress started; null when none is
 * @param onDemandRotations         how many on-demand rotations were started over the key's life
 */
public record KeyRotationRecord(
        String keyId,
        boolean automatic,
        Integer periodInDays,
        Instant nextRotationDate,
        Instant onDemandRotationStartDate,
        int onDemandRotations) {

    public KeyRotationRecord {
        Objects.requireNonNull(keyId, "keyId");
        if (automatic != (periodInDays != null) || automatic != (nextRotationDate != null)) {
            throw new IllegalArgumentException("Automatic rotation has a period and a next date, and only then");
        }
    }

    /** A key that has never been rotated nor had rotation enabled. */
    public static KeyRotationRecord none(String keyId) {
        return new KeyRotationRecord(keyId, false, null, null, null, 0);
    }

    public KeyRotationRecord withAutomatic(int days, Instant next) {
        return new KeyRotationRecord(keyId, true, days, next, onDemandRotationStartDate, onDemandRotations);
    }

    public KeyRotationRecord withoutAutomatic() {
        return new KeyRotationRecord(keyId, false, null, null, onDemandRotationStartDate, onDemandRotations);
    }

    public KeyRotationRecord withNextRotation(Instant next) {
        return new KeyRotationRecord(keyId, automatic, periodInDays, next, onDemandRotationStartDate, onDemandRotations);
    }

    public KeyRotationRecord withOnDemandStarted(Instant start) {
        return new KeyRotationRecord(keyId, automatic, periodInDays, nextRotationDate, start, onDemandRotations + 1);
    }

    public KeyRotationRecord withOnDemandFinished() {
        return new KeyRotationRecord(keyId, automatic, periodInDays, nextRotationDate, null, onDemandRotations);
    }
}
