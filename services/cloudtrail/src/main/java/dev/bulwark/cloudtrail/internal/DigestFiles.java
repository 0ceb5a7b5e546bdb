package dev.bulwark.cloudtrail.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.cloudtrail.internal.StoredDocuments.DeliveredLog;
import dev.bulwark.cloudtrail.internal.TrailDocument.DigestChain;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The digest file document, field for field as AWS writes it: the period, where the digest
 * itself lives, the signing key's fingerprint and algorithm, the oldest and newest event of the
 * period's log files, the link to the previous digest (all null for a chain's first digest) and
 * each log file with the SHA-256 of its uncompressed content.
 */
final class DigestFiles {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DigestFiles() {
    }

    static ObjectNode document(String account, Instant start, Instant end, String bucket, String object,
            String keyFingerprint, DigestChain previous, List<DeliveredLog> logs) {
        ObjectNode digest = NODES.objectNode();
        digest.put("awsAccountId", account);
        digest.put("digestStartTime", EventRecords.eventTime(start));
        digest.put("digestEndTime", EventRecords.eventTime(end));
        digest.put("digestS3Bucket", bucket);
        digest.put("digestS3Object", object);
        digest.put("digestPublicKeyFingerprint", keyFingerprint);
        digest.put("digestSignatureAlgorithm", DigestSigning.SIGNATURE_ALGORITHM);
        digest.put("newestEventTime", logs.stream().map(DeliveredLog::newestEventTime).max(Comparator.naturalOrder())
                .map(EventRecords::eventTime).orElse(null));
        digest.put("oldestEventTime", logs.stream().map(DeliveredLog::oldestEventTime).min(Comparator.naturalOrder())
                .map(EventRecords::eventTime).orElse(null));
        digest.put("previousDigestS3Bucket", previous.previousBucket());
        digest.put("previousDigestS3Object", previous.previousObject());
        digest.put("previousDigestHashValue", previous.previousHash());
        digest.put("previousDigestHashAlgorithm", previous.previousHash() == null ? null : DigestSigning.HASH_ALGORITHM);
        digest.put("previousDigestSignature", previous.previousSignature());
        ArrayNode files = digest.putArray("logFiles");
        for (DeliveredLog log : logs) {
            ObjectNode file = files.addObject();
            file.put("s3Bucket", log.bucket());
            file.put("s3Object", log.object());
            file.put("hashValue", log.hash());
            file.put("hashAlgorithm", DigestSigning.HASH_ALGORITHM);
            file.put("newestEventTime", EventRecords.eventTime(log.newestEventTime()));
            file.put("oldestEventTime", EventRecords.eventTime(log.oldestEventTime()));
        }
        return digest;
    }
}
