package dev.bulwark.kms.internal.lifecycle;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.kms.internal.aliases.Aliases;
import dev.bulwark.kms.testing.KmsTestKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionRequest;

class KeyLifecycleTest {
    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final Aliases aliases = new Aliases(kit.core);

    private KeyMetadata createKey() {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().description("test key 123").build()).keyMetadata();
    }

    private KeyMetadata describe(String keyId) {
        return lifecycle.describeKey(kit.caller(), DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
    }

    @Test
    void describeKeyAcceptsKeyIdKeyArnAliasNameAndAliasArn() {
        KeyMetadata key = createKey();
        aliases.createAlias(kit.caller(), CreateAliasRequest.builder().aliasName("alias/test").targetKeyId(key.keyId()).build());

        for (String keyId : List.of(key.keyId(), key.arn(), "alias/test", "arn:aws:kms:us-east-1:111122223333:alias/test")) {
            assertThat(describe(keyId)).as(keyId).isEqualTo(key);
        }
        assertThat(kit.lastConditions("kms:DescribeKey")).containsEntry("kms:RequestAlias", List.of("alias/test"));
    }

    @Test
    void unknownKeysAreReportedAsAwsReportsThem() {
        assertAwsError(() -> describe("134f2428-cec1-4b25-a1ae-9048164dba47"), "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:111122223333:key/134f2428-cec1-4b25-a1ae-9048164dba47' does not exist");
        assertAwsError(() -> describe("arn:aws:kms:us-east-1:111122223333:key/134f2428-cec1-4b25-a1ae-9048164dba47"),
                "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:111122223333:key/134f2428-cec1-4b25-a1ae-9048164dba47' does not exist");
        assertAwsError(() -> describe("mrk-d3b95762d3b95762d3b95762d3b95762"), "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:111122223333:key/mrk-d3b95762d3b95762d3b95762d3b95762' does not exist");
        assertAwsError(() -> describe("fake-key-id"), "NotFoundException", "Invalid keyId 'fake-key-id'");
        assertAwsError(() -> describe("134f2428cec14b25a1ae9048164dba47"), "NotFoundException",
                "Invalid keyId '134f2428cec14b25a1ae9048164dba47'");
        assertAwsError(() -> describe("mrk-fake-key-id"), "NotFoundException", "Invalid keyId 'mrk-fake-key-id'");
        assertAwsError(() -> describe("alias/nothing"), "NotFoundException",
                "Alias arn:aws:kms:us-east-1:111122223333:alias/nothing is not found.");
    }

    @Test
    void keysAreRegional() {
        KeyMetadata key = createKey();
        var otherRegion = kit.caller(KmsTestKit.ACCOUNT, KmsTestKit.OTHER_REGION);

        assertAwsError(() -> lifecycle.describeKey(otherRegion, DescribeKeyRequest.builder().keyId(key.keyId()).build()),
                "NotFoundException", "Key 'arn:aws:kms:eu-west-1:111122223333:key/" + key.keyId() + "' does not exist");
        assertAwsError(() -> lifecycle.describeKey(otherRegion, DescribeKeyRequest.builder().keyId(key.arn()).build()),
                "NotFoundException", "Invalid arn us-east-1");
    }

    @Test
    void anotherAccountsKeyIsRefusedBeforeItsExistenceIsRevealed() {
        KeyMetadata key = createKey();
        var stranger = kit.caller(KmsTestKit.OTHER_ACCOUNT, KmsTestKit.REGION);

        assertAwsErrorCode(() -> lifecycle.describeKey(stranger, DescribeKeyRequest.builder().keyId(key.arn()).build()),
                "AccessDeniedException");
        assertAwsErrorCode(() -> lifecycle.describeKey(stranger, DescribeKeyRequest.builder()
                .keyId(key.arn().replace(key.keyId(), "134f2428-cec1-4b25-a1ae-9048164dba47")).build()), "AccessDeniedException");
    }

    @Test
    void aMissingKeyIdIsAConstraintViolation() {
        assertAwsError(() -> lifecycle.describeKey(kit.caller(), DescribeKeyRequest.builder().build()), "ValidationException",
                "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void disableAndEnable() {
        KeyMetadata key = createKey();

        lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build());
        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Disabled");
        assertThat(describe(key.keyId()).enabled()).isFalse();

        lifecycle.enableKey(kit.caller(), EnableKeyRequest.builder().keyId(key.arn()).build());
        assertThat(describe(key.keyId()).keyStateAsString()).isEqualTo("Enabled");
        assertThat(describe(key.keyId()).enabled()).isTrue();
    }

    @Test
    void managementOperationsRefuseAliases() {
        KeyMetadata key = createKey();
        aliases.createAlias(kit.caller(), CreateAliasRequest.builder().aliasName("alias/test").targetKeyId(key.keyId()).build());

        assertAwsError(() -> lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId("alias/test").build()),
                "InvalidArnException", "Key Aliases are not supported for this operation.");
    }

    @Test
    void aKeyPendingDeletionCanBeNeitherEnabledNorDisabledNorRedescribed() {
        KeyMetadata key = createKey();
        deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(key.keyId()).build());
        String pending = key.arn() + " is pending deletion.";

        assertAwsError(() -> lifecycle.enableKey(kit.caller(), EnableKeyRequest.builder().keyId(key.keyId()).build()),
                "KMSInvalidStateException", pending);
        assertAwsError(() -> lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build()),
                "KMSInvalidStateException", pending);
        assertAwsError(() -> lifecycle.updateKeyDescription(kit.caller(),
                UpdateKeyDescriptionRequest.builder().keyId(key.keyId()).description("x").build()), "KMSInvalidStateException", pending);
    }

    @Test
    void anImportedKeyWithoutMaterialCannotBeEnabled() {
        KeyMetadata key = creation.createKey(kit.caller(), CreateKeyRequest.builder().origin("EXTERNAL").build()).keyMetadata();

        assertAwsError(() -> lifecycle.enableKey(kit.caller(), EnableKeyRequest.builder().keyId(key.keyId()).build()),
                "KMSInvalidStateException", key.arn() + " is pending import.");
    }

    @Test
    void updateKeyDescription() {
        KeyMetadata key = createKey();

        lifecycle.updateKeyDescription(kit.caller(), UpdateKeyDescriptionRequest.builder().keyId(key.keyId()).description("new").build());

        assertThat(describe(key.keyId()).description()).isEqualTo("new");
    }

    @Test
    void listKeysPagesThroughEveryKeyWithOpaqueMarkers() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createKey().keyId());
        }
        List<KeyListEntry> listed = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListKeysResponse page = lifecycle.listKeys(kit.caller(), ListKeysRequest.builder().limit(3).marker(marker).build());
            listed.addAll(page.keys());
            assertThat(page.keys()).hasSizeLessThanOrEqualTo(3);
            assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
            marker = page.nextMarker();
            pages++;
        } while (marker != null);

        assertThat(pages).isEqualTo(3);
        assertThat(listed).extracting(KeyListEntry::keyId).containsExactlyInAnyOrderElementsOf(created);
        assertThat(listed).allSatisfy(entry -> assertThat(entry.keyArn()).endsWith(":key/" + entry.keyId()));
    }

    @Test
    void listKeysValidatesLimitAndMarker() {
        assertAwsError(() -> lifecycle.listKeys(kit.caller(), ListKeysRequest.builder().limit(1001).build()), "ValidationException",
                "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000");
        assertAwsErrorCode(() -> lifecycle.listKeys(kit.caller(), ListKeysRequest.builder().marker("not-a-marker!").build()),
                "InvalidMarkerException");
    }
}
