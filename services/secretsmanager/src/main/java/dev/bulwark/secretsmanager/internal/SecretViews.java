package dev.bulwark.secretsmanager.internal;

import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * How a stored secret reads in DescribeSecret and ListSecrets. Secrets Manager "only returns
 * fields that have a value": an empty description, the default key, rotation never configured,
 * tags never set and an unreplicated secret's region are all left out.
 */
public final class SecretViews {
    private SecretViews() {
    }

    public static DescribeSecretResponse describe(SecretRecord secret) {
        DescribeSecretResponse.Builder out = DescribeSecretResponse.builder()
                .arn(secret.arn())
                .name(secret.name())
                .description(emptyToNull(secret.description()))
                .kmsKeyId(emptyToNull(secret.kmsKeyId()))
                .createdDate(secret.createdDate())
                .lastChangedDate(secret.lastChangedDate())
                .lastAccessedDate(secret.lastAccessedDate())
                .deletedDate(secret.deletedDate())
                .primaryRegion(secret.primaryRegion());
        if (secret.tags() != null) {
            out.tags(tags(secret.tags()));
        }
        if (!secret.stages().isEmpty()) {
            out.versionIdsToStages(secret.versionsToStages());
        }
        if (!secret.replicas().isEmpty()) {
            out.replicationStatus(replicationStatus(secret.replicas()));
        }
        SecretRecord.RotationConfig rotation = secret.rotation();
        if (rotation != null) {
            out.rotationEnabled(rotation.enabled())
                    .rotationLambdaARN(rotation.lambdaArn())
                    .rotationRules(rules(rotation))
                    .lastRotatedDate(rotation.lastRotatedDate())
                    .nextRotationDate(rotation.enabled() ? rotation.nextRotationDate() : null);
        }
        return out.build();
    }

    public static SecretListEntry listEntry(SecretRecord secret) {
        DescribeSecretResponse described = describe(secret);
        return SecretListEntry.builder()
                .arn(described.arn())
                .name(described.name())
                .description(described.description())
                .kmsKeyId(described.kmsKeyId())
                .rotationEnabled(described.rotationEnabled())
                .rotationLambdaARN(described.rotationLambdaARN())
                .rotationRules(described.rotationRules())
                .lastRotatedDate(described.lastRotatedDate())
                .lastChangedDate(described.lastChangedDate())
                .lastAccessedDate(described.lastAccessedDate())
                .deletedDate(described.deletedDate())
                .nextRotationDate(described.nextRotationDate())
                .tags(described.hasTags() ? described.tags() : null)
                .secretVersionsToStages(described.hasVersionIdsToStages() ? described.versionIdsToStages() : null)
                .createdDate(described.createdDate())
                .primaryRegion(described.primaryRegion())
                .build();
    }

    public static List<Tag> tags(List<SecretRecord.Tag> tags) {
        return tags.stream().map(tag -> Tag.builder().key(tag.key()).value(tag.value()).build()).toList();
    }

    public static List<ReplicationStatusType> replicationStatus(List<SecretRecord.Replica> replicas) {
        return replicas.stream().map(replica -> ReplicationStatusType.builder()
                .region(replica.region())
                .kmsKeyId(replica.kmsKeyId() == null ? SecretCipher.DEFAULT_KEY : replica.kmsKeyId())
                .status(replica.status())
                .statusMessage(replica.statusMessage())
                .lastAccessedDate(replica.lastAccessedDate())
                .build()).toList();
    }

    private static RotationRulesType rules(SecretRecord.RotationConfig rotation) {
        if (!rotation.hasSchedule()) {
            return null;
        }
        return RotationRulesType.builder()
                .automaticallyAfterDays(rotation.automaticallyAfterDays())
                .scheduleExpression(rotation.scheduleExpression())
                .duration(rotation.duration())
                .build();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
