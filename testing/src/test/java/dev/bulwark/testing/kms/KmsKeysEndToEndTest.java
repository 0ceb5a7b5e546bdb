package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** Keys and aliases through the real AWS SDK for Java v2, compared with AWS's recorded answers. */
class KmsKeysEndToEndTest {
    private static BulwarkTestServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    private static KeyMetadata createKey() {
        return kms.createKey(request -> request.description("test key 123")).keyMetadata();
    }

    @Test
    void everyKeySpecIsCreatedAndDescribed() {
        Map<String, String> specs = Map.ofEntries(
                Map.entry("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT"),
                Map.entry("RSA_2048", "ENCRYPT_DECRYPT"),
                Map.entry("RSA_3072", "SIGN_VERIFY"),
                Map.entry("RSA_4096", "SIGN_VERIFY"),
                Map.entry("ECC_NIST_P256", "SIGN_VERIFY"),
                Map.entry("ECC_NIST_P384", "KEY_AGREEMENT"),
                Map.entry("ECC_NIST_P521", "SIGN_VERIFY"),
                Map.entry("ECC_SECG_P256K1", "SIGN_VERIFY"),
                Map.entry("ECC_NIST_EDWARDS25519", "SIGN_VERIFY"),
                Map.entry("HMAC_224", "GENERATE_VERIFY_MAC"),
                Map.entry("HMAC_256", "GENERATE_VERIFY_MAC"),
                Map.entry("HMAC_384", "GENERATE_VERIFY_MAC"),
                Map.entry("HMAC_512", "GENERATE_VERIFY_MAC"),
                Map.entry("SM2", "ENCRYPT_DECRYPT"));
        specs.forEach((spec, usage) -> {
            KeyMetadata created = kms.createKey(request -> request.keySpec(spec).keyUsage(usage)).keyMetadata();
            KeyMetadata described = kms.describeKey(request -> request.keyId(created.keyId())).keyMetadata();

            assertThat(described).as(spec).isEqualTo(created);
            assertThat(described.keySpecAsString()).isEqualTo(spec);
            assertThat(described.keyUsageAsString()).isEqualTo(usage);
            assertThat(described.keyStateAsString()).isEqualTo("Enabled");
        });
    }

    @Test
    void createKeyMetadataIsWhatAwsRecorded() {
        KeyMetadata key = createKey();

        // The recorded describe-key of test_create_key, field by field.
        assertThat(key.awsAccountId()).isEqualTo(BulwarkTestServer.ACCOUNT.value());
        assertThat(key.arn()).isEqualTo("arn:aws:kms:us-east-1:" + BulwarkTestServer.ACCOUNT + ":key/" + key.keyId());
        assertThat(key.currentKeyMaterialId()).isNotEmpty();
        assertThat(key.customerMasterKeySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.description()).isEqualTo("test key 123");
        assertThat(key.enabled()).isTrue();
        assertThat(key.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(key.keyManagerAsString()).isEqualTo("CUSTOMER");
        assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.keyStateAsString()).isEqualTo("Enabled");
        assertThat(key.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(key.multiRegion()).isFalse();
        assertThat(key.originAsString()).isEqualTo("AWS_KMS");
        assertThat(key.creationDate()).isNotNull();
    }

    @Test
    void unknownAndMalformedKeysAreReportedWithAwsRecordedMessages() {
        String arn = "arn:aws:kms:us-east-1:" + BulwarkTestServer.ACCOUNT + ":key/134f2428-cec1-4b25-a1ae-9048164dba47";

        assertKmsError(() -> kms.describeKey(request -> request.keyId("134f2428-cec1-4b25-a1ae-9048164dba47")),
                "NotFoundException", "Key '" + arn + "' does not exist");
        assertKmsError(() -> kms.describeKey(request -> request.keyId(arn)), "NotFoundException", "Key '" + arn + "' does not exist");
        assertKmsError(() -> kms.describeKey(request -> request.keyId("fake-key-id")), "NotFoundException", "Invalid keyId 'fake-key-id'");
        assertKmsError(() -> kms.describeKey(request -> request.keyId("mrk-fake-key-id")), "NotFoundException",
                "Invalid keyId 'mrk-fake-key-id'");
        assertKmsError(() -> kms.describeKey(request -> request.keyId(arn.replace("us-east-1", "us-west-2"))), "NotFoundException",
                "Invalid arn us-west-2");
    }

    @Test
    void listKeysPaginatesWithTheSdkPaginator() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createKey().keyId());
        }

        List<KeyListEntry> listed = kms.listKeysPaginator(request -> request.limit(2)).keys().stream().toList();

        assertThat(listed).extracting(KeyListEntry::keyId).containsAll(created).doesNotHaveDuplicates();
        assertThat(kms.listKeys(request -> request.limit(2)).truncated()).isTrue();
    }

    @Test
    void aliasesWorkByEveryKeyIdForm() {
        KeyMetadata key = createKey();
        kms.createAlias(request -> request.aliasName("alias/e2e-forms").targetKeyId(key.arn()));
        String aliasArn = kms.listAliasesPaginator(request -> request.keyId(key.keyId())).aliases().stream()
                .filter(alias -> alias.aliasName().equals("alias/e2e-forms")).map(AliasListEntry::aliasArn).findFirst().orElseThrow();

        for (String keyId : List.of(key.keyId(), key.arn(), "alias/e2e-forms", aliasArn)) {
            assertThat(kms.describeKey(request -> request.keyId(keyId)).keyMetadata().keyId()).as(keyId).isEqualTo(key.keyId());
            assertThat(kms.encrypt(request -> request.keyId(keyId).plaintext(SdkBytes.fromUtf8String("encrypt-me")))
                    .keyId()).isEqualTo(key.arn());
        }
        assertKmsError(() -> kms.createAlias(request -> request.aliasName("e2e-no-prefix").targetKeyId(key.keyId())),
                "ValidationException",
                "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        assertKmsError(() -> kms.describeKey(request -> request.keyId("alias/e2e-missing")), "NotFoundException",
                "Alias arn:aws:kms:us-east-1:" + BulwarkTestServer.ACCOUNT + ":alias/e2e-missing is not found.");

        kms.deleteAlias(request -> request.aliasName("alias/e2e-forms"));
        assertKmsError(() -> kms.describeKey(request -> request.keyId("alias/e2e-forms")), "NotFoundException",
                "Alias arn:aws:kms:us-east-1:" + BulwarkTestServer.ACCOUNT + ":alias/e2e-forms is not found.");
    }

    @Test
    void disableEnableAndUpdateDescription() {
        KeyMetadata key = createKey();

        kms.disableKey(request -> request.keyId(key.keyId()));
        assertThat(kms.describeKey(request -> request.keyId(key.keyId())).keyMetadata().keyStateAsString()).isEqualTo("Disabled");
        kms.enableKey(request -> request.keyId(key.keyId()));
        kms.updateKeyDescription(request -> request.keyId(key.keyId()).description("new_description"));

        KeyMetadata described = kms.describeKey(request -> request.keyId(key.keyId())).keyMetadata();
        assertThat(described.enabled()).isTrue();
        assertThat(described.description()).isEqualTo("new_description");
    }

    @Test
    void scheduleAndCancelKeyDeletion() {
        KeyMetadata key = createKey();

        var scheduled = kms.scheduleKeyDeletion(request -> request.keyId(key.keyId()).pendingWindowInDays(7));
        KeyMetadata pending = kms.describeKey(request -> request.keyId(key.keyId())).keyMetadata();
        assertThat(scheduled.keyId()).isEqualTo(key.arn());
        assertThat(pending.enabled()).isFalse();
        assertThat(pending.keyStateAsString()).isEqualTo("PendingDeletion");
        assertThat(pending.deletionDate()).isEqualTo(scheduled.deletionDate());
        assertKmsError(() -> kms.scheduleKeyDeletion(request -> request.keyId(key.keyId())), "KMSInvalidStateException",
                key.arn() + " is pending deletion.");

        kms.cancelKeyDeletion(request -> request.keyId(key.keyId()));
        KeyMetadata cancelled = kms.describeKey(request -> request.keyId(key.keyId())).keyMetadata();
        assertThat(cancelled.enabled()).isFalse();
        assertThat(cancelled.keyStateAsString()).isEqualTo("Disabled");
        assertThat(cancelled.deletionDate()).isNull();
    }

    @Test
    void multiRegionAndExternalKeysAreDescribedAsAwsRecordedThem() {
        KeyMetadata multiRegion = kms.createKey(request -> request.multiRegion(true).description("test multi region key")).keyMetadata();
        assertThat(multiRegion.keyId()).startsWith("mrk-");
        assertThat(multiRegion.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("PRIMARY");
        assertThat(multiRegion.multiRegionConfiguration().primaryKey().region()).isEqualTo("us-east-1");
        assertThat(multiRegion.multiRegionConfiguration().replicaKeys()).isEmpty();

        KeyMetadata external = kms.createKey(request -> request.origin("EXTERNAL")).keyMetadata();
        assertThat(external.keyStateAsString()).isEqualTo("PendingImport");
        assertThat(external.enabled()).isFalse();
        assertThat(external.currentKeyMaterialId()).isNull();
        assertKmsError(() -> kms.encrypt(request -> request.keyId(external.keyId())
                        .plaintext(SdkBytes.fromUtf8String("test content 123 !#"))),
                "KMSInvalidStateException", external.arn() + " is pending import.");
    }

    @Test
    void hmacKeyCreationErrorsAreAwsRecordedOnes() {
        assertKmsError(() -> kms.createKey(request -> request.description("test HMAC key without key usage").keySpec("HMAC_256")),
                "ValidationException", "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }

    @Test
    void predefinedAwsAliasesAreListedAndBackedByAKeyOnFirstUse() {
        assertThat(kms.listAliasesPaginator(request -> request.limit(10)).aliases().stream()
                .filter(alias -> alias.aliasName().equals("alias/aws/ebs")).findFirst()).isPresent();

        KeyMetadata managed = kms.describeKey(request -> request.keyId("alias/aws/ebs")).keyMetadata();

        assertThat(managed.keyManagerAsString()).isEqualTo("AWS");
        assertKmsError(() -> kms.disableKey(request -> request.keyId(managed.keyId())), "AccessDeniedException",
                "User: arn:aws:iam::" + BulwarkTestServer.ACCOUNT + ":root is not authorized to perform: kms:DisableKey on resource: "
                        + managed.arn() + " because no resource-based policy allows the kms:DisableKey action");
    }
}
