package dev.bulwark.kms.internal;

import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.store.WriteTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * AWS managed keys: the symmetric keys behind the predefined aliases {@code alias/aws/<service>}.
 * AWS creates one the first time a service (or a caller naming the alias) uses it in an account
 * and region; until then ListAliases shows the alias without a target. KeyManager is AWS, the
 * policy is AWS's managed-key policy, and the account cannot manage the key (enable, disable,
 * delete, re-alias) but may use it through the service and read its metadata. Like AWS, KMS
 * rotates its material every year from its creation; that cannot be turned off.
 */
public final class AwsManagedKeys {
    public static final String PREFIX = "alias/aws/";
    /** AWS managed keys rotate yearly (since May 2022). */
    public static final int ROTATION_PERIOD_DAYS = 365;

    /** A service that has an AWS managed key, as AWS names it in the key's description and policy. */
    record Service(String name, String title, String viaServicePrefix, String protects) {
        String aliasName() {
            return PREFIX + name;
        }
    }

    private static final Map<String, Service> PREDEFINED = Stream.of(
                    new Service("acm", "ACM", "acm", "ACM private keys"),
                    new Service("backup", "AWS Backup", "backup", "backups"),
                    new Service("codecommit", "CodeCommit", "codecommit", "CodeCommit repositories"),
                    new Service("dynamodb", "Amazon DynamoDB", "dynamodb", "DynamoDB tables"),
                    new Service("ebs", "EBS", "ec2", "EBS volumes"),
                    new Service("elasticfilesystem", "EFS", "elasticfilesystem", "EFS filesystems"),
                    new Service("es", "Amazon Elasticsearch Service", "es", "Elasticsearch data"),
                    new Service("glue", "AWS Glue", "glue", "Glue data"),
                    new Service("kinesis", "Amazon Kinesis", "kinesis", "Kinesis data"),
                    new Service("kinesisvideo", "Amazon Kinesis Video Streams", "kinesisvideo", "Kinesis Video Streams data"),
                    new Service("lambda", "AWS Lambda", "lambda", "Lambda functions"),
                    new Service("rds", "RDS", "rds", "RDS database volumes"),
                    new Service("redshift", "Redshift", "redshift", "Redshift clusters"),
                    new Service("s3", "S3", "s3", "S3 objects"),
                    new Service("secretsmanager", "AWS Secrets Manager", "secretsmanager", "Secrets Manager data"),
                    new Service("sns", "SNS", "sns", "SNS data"),
                    new Service("sqs", "SQS", "sqs", "SQS messages"),
                    new Service("ssm", "AWS Systems Manager", "ssm", "SSM parameters"),
                    new Service("xray", "AWS X-Ray", "xray", "X-Ray data"))
            .collect(Collectors.toUnmodifiableMap(Service::aliasName, Function.identity()));

    private final KmsRecords records;
    private final KeyMaterials materials;
    private final KeyRotationSchedule rotations;
    private final Clock clock;

    public AwsManagedKeys(KmsRecords records, KeyMaterials materials, KeyRotationSchedule rotations, Clock clock) {
        this.records = records;
        this.materials = materials;
        this.rotations = rotations;
        this.clock = clock;
    }

    /** Whether {@code aliasName} is one of the predefined AWS aliases, which KMS backs with a key on first use. */
    public static boolean isPredefined(String aliasName) {
        return PREDEFINED.containsKey(aliasName);
    }

    /** The predefined alias names in name order (ListAliases shows them even before they have a key). */
    public static List<String> predefinedAliasNames() {
        return PREDEFINED.keySet().stream().sorted().toList();
    }

    /** Names under {@code alias/aws/} are AWS's: customers can neither create nor change nor delete them. */
    public static boolean isReserved(String aliasName) {
        return aliasName.startsWith(PREFIX);
    }

    /**
     * The AWS managed key of a predefined alias, created with its alias if it does not exist yet.
     * Idempotent inside a serializable transaction, so two first uses at once create one key.
     */
    public KmsKey createIfAbsent(WriteTransaction tx, KmsScope scope, String aliasName) {
        Service service = Optional.ofNullable(PREDEFINED.get(aliasName))
                .orElseThrow(() -> new IllegalArgumentException(aliasName + " is not a predefined AWS alias"));
        Optional<AliasRecord> existing = records.findAlias(tx, scope, aliasName);
        if (existing.isPresent()) {
            Optional<KmsKey> key = records.findKey(tx, scope, existing.get().targetKeyId());
            if (key.isPresent()) {
                return key.get();
            }
        }
        Instant now = clock.instant();
        String keyId = materials.newKeyId(false);
        KeyMaterial material = materials.generate(keyId, KeySpec.SYMMETRIC_DEFAULT);
        KmsKey key = new KmsKey(scope, new KeyRecord(keyId, now, KeyState.Enabled,
                "Default key that protects my " + service.protects() + " when no other key is defined",
                KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, KeyOrigin.AWS_KMS, KeyManager.AWS, null, null, null,
                KeyPolicies.awsManagedPolicy(scope, service.name(), service.title(), service.viaServicePrefix()),
                List.of(), material.materialId()));
        records.putKey(tx, key);
        records.putMaterial(tx, scope, material);
        records.putAlias(tx, scope, new AliasRecord(aliasName, keyId, now, now));
        rotations.enableAutomatic(tx, scope, keyId, ROTATION_PERIOD_DAYS, now);
        return key;
    }
}
