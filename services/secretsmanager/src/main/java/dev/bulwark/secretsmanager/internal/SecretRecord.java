package dev.bulwark.secretsmanager.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A secret's metadata as stored (namespace {@value SecretsSchema#SECRETS}); its values live in
 * {@link VersionRecord}s. Immutable: every change makes a copy with one of the {@code with...}
 * methods.
 *
 * @param kmsKeyId       the KmsKeyId as the caller gave it; null for {@code alias/aws/secretsmanager}
 * @param deletedDate    when DeleteSecret marked the secret for deletion; null while it is not
 * @param deletionDate   when the marked secret is purged
 * @param tags           null until the secret is first tagged (DescribeSecret then omits Tags), so
 *                       that "untagged" and "every tag removed" read as AWS shows them
 * @param stages         staging label to the version it is attached to; a label is on one version
 * @param rotation       null until rotation is first configured
 * @param primaryRegion  for a replica, the primary's region; for a primary with replicas, its own;
 *                       null for a secret that was never replicated
 * @param replicas       on a primary, its replicas; empty otherwise
 */
public record SecretRecord(
        String name,
        String arn,
        String description,
        String kmsKeyId,
        Instant createdDate,
        Instant lastChangedDate,
        Instant lastAccessedDate,
        Instant deletedDate,
        Instant deletionDate,
        List<Tag> tags,
        Map<String, String> stages,
        String resourcePolicy,
        RotationConfig rotation,
        String primaryRegion,
        List<Replica> replicas) {

    public SecretRecord {
        stages = stages == null ? Map.of() : Map.copyOf(stages);
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
        tags = tags == null ? null : List.copyOf(tags);
    }

    public record Tag(String key, String value) {
    }

    /** One replica of a primary secret: the region, the key its values are encrypted with there, and the outcome. */
    public record Replica(String region, String kmsKeyId, String status, String statusMessage, Instant lastAccessedDate) {
        public static final String IN_SYNC = "InSync";
        public static final String FAILED = "Failed";
        public static final String IN_PROGRESS = "InProgress";

        public Replica withStatus(String newStatus, String message) {
            return new Replica(region, kmsKeyId, newStatus, message, lastAccessedDate);
        }
    }

    /**
     * The rotation configuration. The schedule is one of {@code automaticallyAfterDays} and
     * {@code scheduleExpression}; {@code duration} narrows the window a schedule opens.
     */
    public record RotationConfig(
            boolean enabled,
            String lambdaArn,
            Long automaticallyAfterDays,
            String scheduleExpression,
            String duration,
            Instant lastRotatedDate,
            Instant nextRotationDate) {

        public boolean hasSchedule() {
            return automaticallyAfterDays != null || scheduleExpression != null;
        }

        public RotationConfig withEnabled(boolean on, Instant next) {
            return new RotationConfig(on, lambdaArn, automaticallyAfterDays, scheduleExpression, duration, lastRotatedDate, next);
        }

        public RotationConfig rotated(Instant when, Instant next) {
            return new RotationConfig(enabled, lambdaArn, automaticallyAfterDays, scheduleExpression, duration, when, next);
        }
    }

    public boolean isMarkedForDeletion() {
        return deletedDate != null;
    }

    public boolean isReplica() {
        return primaryRegion != null && !arnRegion().equals(primaryRegion);
    }

    /** The region in the secret's ARN, which is the region it lives in. */
    public String arnRegion() {
        return arn.split(":", 6)[3];
    }

    public Optional<String> versionWithStage(String stage) {
        return Optional.ofNullable(stages.get(stage));
    }

    /** The labels attached to a version, in AWS's (alphabetical) order. */
    public List<String> stagesOf(String versionId) {
        return stages.entrySet().stream().filter(e -> e.getValue().equals(versionId)).map(Map.Entry::getKey).sorted().toList();
    }

    /** Version id to its labels, for versions that have any, as VersionIdsToStages shows them. */
    public Map<String, List<String>> versionsToStages() {
        Map<String, List<String>> result = new TreeMap<>();
        stages.forEach((stage, version) -> result.computeIfAbsent(version, v -> new ArrayList<>()).add(stage));
        result.values().forEach(list -> list.sort(null));
        return result;
    }

    public SecretRecord withDescription(String newDescription, Instant now) {
        return new SecretRecord(name, arn, newDescription, kmsKeyId, createdDate, now, lastAccessedDate, deletedDate,
                deletionDate, tags, stages, resourcePolicy, rotation, primaryRegion, replicas);
    }

    public SecretRecord withKmsKeyId(String newKmsKeyId, Instant now) {
        return new SecretRecord(name, arn, description, newKmsKeyId, createdDate, now, lastAccessedDate, deletedDate,
                deletionDate, tags, stages, resourcePolicy, rotation, primaryRegion, replicas);
    }

    public SecretRecord withStages(Map<String, String> newStages, Instant now) {
        return new SecretRecord(name, arn, description, kmsKeyId, createdDate, now, lastAccessedDate, deletedDate,
                deletionDate, tags, newStages, resourcePolicy, rotation, primaryRegion, replicas);
    }

    public SecretRecord withTags(List<Tag> newTags, Instant now) {
        return new SecretRecord(name, arn, description, kmsKeyId, createdDate, now, lastAccessedDate, deletedDate,
                deletionDate, newTags, stages, resourcePolicy, rotation, primaryRegion, replicas);
    }

    public SecretRecord withResourcePolicy(String policy, Instant now) {
        return new SecretRecord(name, arn, description, kmsKeyId, createdDate, now, lastAccessedDate, deletedDate,
                deletionDate, tags, stages, policy, rotation, primaryRegion, replicas);
    }

    public SecretRecord withRotation(RotationConfig newRotation, Instant now) {
        return new SecretRecord(name, arn, description, kmsKeyId, createdDate, now, lastAccessedDate, deletedDate,
                deletionDate, tags, stages, resourcePolicy, newRotation, primaryRegion, replicas);
    }

    public SecretRecord withDeletion(Instant deleted, Instant deletion) {
        return new SecretRecord(name, arn, description, kmsKeyId, createdDate, deleted == null ? lastChangedDate : deleted,
                lastAccessedDate, deleted, deletion, tags, stages, resourcePolicy, rotation, primaryRegion, replicas);
    }

    public SecretRecord withLastAccessed(Instant day) {
        return new SecretRecord(name, arn, description, kmsKeyId, createdDate, lastChangedDate, day, deletedDate,
                deletionDate, tags, stages, resourcePolicy, rotation, primaryRegion, replicas);
    }

    public SecretRecord withReplication(String primary, List<Replica> newReplicas, Instant now) {
        return new SecretRecord(name, arn, description, kmsKeyId, createdDate, now, lastAccessedDate, deletedDate,
                deletionDate, tags, stages, resourcePolicy, rotation, primary, newReplicas);
    }
}
