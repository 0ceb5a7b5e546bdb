package dev.bulwark.kms.internal.aliases;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.UpdateAliasRequest;

class AliasesTest {
    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final Aliases aliases = new Aliases(kit.core);

    private KeyMetadata createKey() {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
    }

    private void createAlias(String name, String target) {
        aliases.createAlias(kit.caller(), CreateAliasRequest.builder().aliasName(name).targetKeyId(target).build());
    }

    private String targetOf(String aliasName) {
        return lifecycle.describeKey(kit.caller(), DescribeKeyRequest.builder().keyId(aliasName).build()).keyMetadata().keyId();
    }

    private List<AliasListEntry> customerAliases() {
        return aliases.listAliases(kit.caller(), ListAliasesRequest.builder().limit(100).build()).aliases().stream()
                .filter(alias -> !alias.aliasName().startsWith("alias/aws/"))
                .toList();
    }

    @Test
    void anAliasNamesItsKeyByIdOrArn() {
        KeyMetadata key = createKey();
        createAlias("alias/by-id", key.keyId());
        createAlias("alias/by-arn", key.arn());

        assertThat(targetOf("alias/by-id")).isEqualTo(key.keyId());
        assertThat(targetOf("alias/by-arn")).isEqualTo(key.keyId());
        assertThat(customerAliases()).extracting(AliasListEntry::aliasName, AliasListEntry::aliasArn, AliasListEntry::targetKeyId)
                .containsExactly(
                        tuple("alias/by-arn", "arn:aws:kms:us-east-1:111122223333:alias/by-arn", key.keyId()),
                        tuple("alias/by-id", "arn:aws:kms:us-east-1:111122223333:alias/by-id", key.keyId()));
        assertThat(customerAliases().get(0).creationDate()).isEqualTo(kit.clock.instant());
    }

    @Test
    void aliasNamesFollowAwsRules() {
        KeyMetadata key = createKey();

        assertAwsError(() -> createAlias("no-prefix", key.keyId()), "ValidationException",
                "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        assertAwsError(() -> createAlias("alias/with space", key.keyId()), "ValidationException",
                "1 validation error detected: Value 'alias/with space' at 'aliasName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
        assertAwsError(() -> createAlias("alias/" + "a".repeat(251), key.keyId()), "ValidationException",
                "1 validation error detected: Value 'alias/" + "a".repeat(251) + "' at 'aliasName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 256");
        assertAwsErrorCode(() -> createAlias("alias/a:b", key.keyId()), "ValidationException");
        assertAwsErrorCode(() -> createAlias("alias/aws/mine", key.keyId()), "NotAuthorizedException");
        createAlias("alias/Valid_name-1/x", key.keyId());
    }

    @Test
    void anAliasNameIsTakenOnce() {
        KeyMetadata key = createKey();
        createAlias("alias/taken", key.keyId());

        assertAwsError(() -> createAlias("alias/taken", createKey().keyId()), "AlreadyExistsException",
                "An alias with the name arn:aws:kms:us-east-1:111122223333:alias/taken already exists");
    }

    @Test
    void anAliasCannotPointAtAnotherAliasOrAMissingKeyOrAKeyPendingDeletion() {
        KeyMetadata key = createKey();
        createAlias("alias/first", key.keyId());

        assertAwsError(() -> createAlias("alias/second", "alias/first"), "InvalidArnException",
                "Key Aliases are not supported for this operation.");
        assertAwsError(() -> createAlias("alias/second", "134f2428-cec1-4b25-a1ae-9048164dba47"), "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:111122223333:key/134f2428-cec1-4b25-a1ae-9048164dba47' does not exist");
        deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(key.keyId()).build());
        assertAwsError(() -> createAlias("alias/second", key.keyId()), "KMSInvalidStateException", key.arn() + " is pending deletion.");
    }

    @Test
    void updateAliasMovesItToAKeyOfTheSameTypeAndUsage() {
        KeyMetadata first = createKey();
        KeyMetadata second = createKey();
        KeyMetadata signing = creation.createKey(kit.caller(),
                CreateKeyRequest.builder().keySpec("RSA_2048").keyUsage("SIGN_VERIFY").build()).keyMetadata();
        KeyMetadata rsaEncryption = creation.createKey(kit.caller(),
                CreateKeyRequest.builder().keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT").build()).keyMetadata();
        createAlias("alias/moving", first.keyId());
        kit.clock.advance(Duration.ofMinutes(5));

        aliases.updateAlias(kit.caller(), UpdateAliasRequest.builder().aliasName("alias/moving").targetKeyId(second.arn()).build());

        assertThat(targetOf("alias/moving")).isEqualTo(second.keyId());
        AliasListEntry entry = customerAliases().get(0);
        assertThat(entry.lastUpdatedDate()).isEqualTo(kit.clock.instant());
        assertThat(entry.creationDate()).isEqualTo(kit.clock.instant().minus(Duration.ofMinutes(5)));
        assertAwsErrorCode(() -> aliases.updateAlias(kit.caller(),
                UpdateAliasRequest.builder().aliasName("alias/moving").targetKeyId(signing.keyId()).build()), "ValidationException");
        assertAwsErrorCode(() -> aliases.updateAlias(kit.caller(),
                UpdateAliasRequest.builder().aliasName("alias/moving").targetKeyId(rsaEncryption.keyId()).build()), "ValidationException");
        assertAwsError(() -> aliases.updateAlias(kit.caller(),
                        UpdateAliasRequest.builder().aliasName("alias/absent").targetKeyId(second.keyId()).build()),
                "NotFoundException", "Alias arn:aws:kms:us-east-1:111122223333:alias/absent is not found.");
    }

    @Test
    void deleteAlias() {
        KeyMetadata key = createKey();
        createAlias("alias/short-lived", key.keyId());

        aliases.deleteAlias(kit.caller(), DeleteAliasRequest.builder().aliasName("alias/short-lived").build());

        assertThat(customerAliases()).isEmpty();
        assertAwsError(() -> aliases.deleteAlias(kit.caller(), DeleteAliasRequest.builder().aliasName("alias/short-lived").build()),
                "NotFoundException", "Alias arn:aws:kms:us-east-1:111122223333:alias/short-lived is not found.");
        assertAwsErrorCode(() -> aliases.deleteAlias(kit.caller(), DeleteAliasRequest.builder().aliasName("alias/aws/ebs").build()),
                "NotAuthorizedException");
    }

    @Test
    void listAliasesShowsPredefinedAwsAliasesWithoutTargetUntilTheyAreUsed() {
        List<AliasListEntry> listed = aliases.listAliases(kit.caller(), ListAliasesRequest.builder().limit(100).build()).aliases();

        assertThat(listed).extracting(AliasListEntry::aliasName).contains("alias/aws/ebs", "alias/aws/ssm", "alias/aws/secretsmanager");
        assertThat(listed).allSatisfy(alias -> {
            assertThat(alias.targetKeyId()).isNull();
            assertThat(alias.aliasArn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:" + alias.aliasName());
        });

        String managedKeyId = targetOf("alias/aws/ssm");

        assertThat(aliases.listAliases(kit.caller(), ListAliasesRequest.builder().limit(100).build()).aliases())
                .filteredOn(alias -> alias.aliasName().equals("alias/aws/ssm"))
                .singleElement()
                .satisfies(alias -> assertThat(alias.targetKeyId()).isEqualTo(managedKeyId));
    }

    @Test
    void listAliasesPagesThroughStoredAndPredefinedAliasesInNameOrder() {
        KeyMetadata key = createKey();
        for (String name : List.of("alias/a", "alias/aws-like", "alias/b", "alias/zz", "alias/m")) {
            createAlias(name, key.keyId());
        }
        targetOf("alias/aws/s3");
        List<String> names = new ArrayList<>();
        String marker = null;
        do {
            ListAliasesResponse page = aliases.listAliases(kit.caller(), ListAliasesRequest.builder().limit(4).marker(marker).build());
            assertThat(page.aliases()).hasSizeLessThanOrEqualTo(4);
            page.aliases().forEach(alias -> names.add(alias.aliasName()));
            marker = page.nextMarker();
            assertThat(page.truncated()).isEqualTo(marker != null);
        } while (marker != null);

        assertThat(names).isSorted().doesNotHaveDuplicates()
                .contains("alias/a", "alias/aws-like", "alias/b", "alias/m", "alias/zz", "alias/aws/s3", "alias/aws/ebs");
    }

    @Test
    void listAliasesFiltersByKey() {
        KeyMetadata aliased = createKey();
        KeyMetadata other = createKey();
        createAlias("alias/mine", aliased.keyId());
        createAlias("alias/theirs", other.keyId());

        assertThat(aliases.listAliases(kit.caller(), ListAliasesRequest.builder().keyId(aliased.arn()).build()).aliases())
                .extracting(AliasListEntry::aliasName).containsExactly("alias/mine");
        assertAwsErrorCode(() -> aliases.listAliases(kit.caller(),
                ListAliasesRequest.builder().keyId("134f2428-cec1-4b25-a1ae-9048164dba47").build()), "NotFoundException");
    }

    @Test
    void anAwsManagedKeyIsCreatedOnFirstUseAndCannotBeManaged() {
        KeyMetadata managed = lifecycle.describeKey(kit.caller(), DescribeKeyRequest.builder().keyId("alias/aws/ebs").build()).keyMetadata();

        assertThat(managed.keyManagerAsString()).isEqualTo("AWS");
        assertThat(managed.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(managed.description()).isEqualTo("Default key that protects my EBS volumes when no other key is defined");
        assertThat(targetOf("alias/aws/ebs")).as("created once").isEqualTo(managed.keyId());
        assertAwsErrorCode(() -> lifecycle.disableKey(kit.caller(),
                DisableKeyRequest.builder().keyId(managed.keyId()).build()), "AccessDeniedException");
        assertAwsErrorCode(() -> createAlias("alias/mine", managed.keyId()), "AccessDeniedException");
        assertAwsError(() -> targetOf("alias/aws/not-a-service"), "NotFoundException",
                "Alias arn:aws:kms:us-east-1:111122223333:alias/aws/not-a-service is not found.");
    }

    @Test
    void creatingAnAliasIsAuthorizedOnTheAliasAndOnTheKey() {
        KeyMetadata key = createKey();
        createAlias("alias/checked", key.keyId());

        assertThat(kit.authorizations).filteredOn(request -> request.action().equals("kms:CreateAlias"))
                .extracting(request -> request.resourceArn())
                .containsExactly("arn:aws:kms:us-east-1:111122223333:alias/checked", key.arn());
    }
}
