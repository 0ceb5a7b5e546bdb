package dev.bulwark.cloudtrail.internal;

import java.time.Instant;
import java.util.List;

/** The small documents of CloudTrail's bookkeeping records (see {@link CloudTrailSchema}). */
public final class StoredDocuments {
    private StoredDocuments() {
    }

    /** A scope that holds events, so the retention sweep can find every one. */
    public record EventScope(String account, String region) {
    }

    /** Where one stored event is. */
    public record EventRef(String scope, String id) {
    }

    /** The events one group commit stored, waiting to be delivered to trails. */
    public record OutboxBatch(List<EventRef> events) {
    }

    /** Names a trail for the deliverer, which must find the trails of every account. */
    public record TrailRef(String account, String homeRegion, String name) {
    }

    /**
     * The public half of a trail's digest signing key.
     *
     * @param publicKey X.509 SubjectPublicKeyInfo DER, base64
     */
    public record SigningKey(String fingerprint, String publicKey, String trailArn, Instant validFrom) {
    }

    /**
     * A log file a trail delivered that its next digest must list. It is recorded in the same
     * transaction that retires the delivered events, while the file still has its staging name;
     * the file is then moved to its place, and recovery after a crash finishes the move.
     *
     * @param bucket      the trail's S3 bucket name (the first folder under the delivery root)
     * @param object      the S3 object key of the log file
     * @param stagingName the file's name in the staging folder until it is moved into place
     * @param hash        hex SHA-256 of the uncompressed log file
     */
    public record DeliveredLog(String trailArn, String region, String bucket, String object, String stagingName,
            String hash, Instant oldestEventTime, Instant newestEventTime, Instant delivered) {
    }
}
