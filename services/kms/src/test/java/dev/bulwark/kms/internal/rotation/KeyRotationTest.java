package dev.bulwark.kms.internal.rotation;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsRequest;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandRequest;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;

class KeyRotationTest {
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("rotate me");

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final Cryptography cryptography = new Cryptography(kit.core);
    private final KeyRotation rotation = new KeyRotation(kit.core);
    private final KeyRotationListing listing = new KeyRotationListing(kit.core);

    private KeyMetadata createKey(CreateKeyRequest request) {
        return creation.createKey(kit.caller(), request).keyMetadata();
    }

    private KeyMetadata symmetricKey() {
        return createKey(CreateKeyRequest.builder().build());
    }

    private KeyMetadata describe(String keyId) {
        return lifecycle.describeKey(kit.caller(), DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
    }

    private void enable(String keyId, Integer days) {
        rotation.enableKeyRotation(kit.caller(), EnableKeyRotationRequest.builder().keyId(keyId).rotationPeriodInDays(days).build());
    }

    private GetKeyRotationStatusResponse status(String keyId) {
        return rotation.getKeyRotationStatus(kit.caller(), GetKeyRotationStatusRequest.builder().keyId(keyId).build());
    }

    private void rotateOnDemand(String keyId) {
        rotation.rotateKeyOnDemand(kit.caller(), RotateKeyOnDemandRequest.builder().keyId(keyId).build());
    }

    private ListKeyRotationsResponse rotations(ListKeyRotationsRequest request) {
        return listing.listKeyRotations(kit.caller(), request);
    }

    private SdkBytes encrypt(String keyId) {
        return cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(keyId).plaintext(PLAINTEXT).build()).ciphertextBlob();
    }

    private String decryptingMaterial(SdkBytes ciphertext) {
        var decrypted = cryptography.decrypt(kit.caller(), DecryptRequest.builder().ciphertextBlob(ciphertext).build());
        assertThat(decrypted.plaintext()).isEqualTo(PLAINTEXT);
        return decrypted.keyMaterialId();
    }

    @Test
    void enablingRotatesAYearLaterByDefaultAndReportsTheSchedule() {
        KeyMetadata key = symmetricKey();
        Instant enabledAt = kit.clock.instant();

        enable(key.keyId(), null);

        GetKeyRotationStatusResponse status = status(key.keyId());
        assertThat(status.keyId()).isEqualTo(key.arn());
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(365);
        assertThat(status.nextRotationDate()).isEqualTo(enabledAt.plus(Duration.ofDays(365)));
        assertThat(status.onDemandRotationStartDate()).isNull();
        assertThat(kit.lastConditions("kms:EnableKeyRotation")).containsEntry("kms:RotationPeriodInDays", List.of("365"));
    }

    @Test
    void aNewKeyDoesNotRotate() {
        KeyMetadata key = symmetricKey();

        GetKeyRotationStatusResponse status = status(key.keyId());

        assertThat(status.keyRotationEnabled()).isFalse();
        assertThat(status.rotationPeriodInDays()).isNull();
        assertThat(status.nextRotationDate()).isNull();
    }

    @Test
    void theRotationPeriodIsNinetyTo2560Days() {
        KeyMetadata key = symmetricKey();

        assertAwsError(() -> enable(key.keyId(), 89), "ValidationException",
                "1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 90");
        assertAwsError(() -> enable(key.keyId(), 2561), "ValidationException",
                "1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 2560");
        enable(key.keyId(), 90);
        assertThat(status(key.keyId()).rotationPeriodInDays()).isEqualTo(90);
    }

    @Test
    void theRotationJobMakesNewMaterialCurrentAndEarlierCiphertextsStillDecrypt() {
        KeyMetadata key = symmetricKey();
        enable(key.keyId(), 90);
        SdkBytes before = encrypt(key.keyId());

        kit.clock.advance(Duration.ofDays(90));
        assertThat(kit.runDueJobs()).isEqualTo(1);

        KeyMetadata rotated = describe(key.keyId());
        assertThat(rotated.currentKeyMaterialId()).isNotEqualTo(key.currentKeyMaterialId()).hasSize(64);
        SdkBytes after = encrypt(key.keyId());
        assertThat(decryptingMaterial(before)).isEqualTo(key.currentKeyMaterialId());
        assertThat(decryptingMaterial(after)).isEqualTo(rotated.currentKeyMaterialId());
        assertThat(status(key.keyId()).nextRotationDate()).isEqualTo(kit.clock.instant().plus(Duration.ofDays(90)));
        List<RotationsListEntry> entries = rotations(ListKeyRotationsRequest.builder().keyId(key.keyId()).build()).rotations();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.keyId()).isEqualTo(key.keyId());
            assertThat(entry.keyMaterialId()).isEqualTo(rotated.currentKeyMaterialId());
            assertThat(entry.keyMaterialStateAsString()).isEqualTo("CURRENT");
            assertThat(entry.rotationTypeAsString()).isEqualTo("AUTOMATIC");
            assertThat(entry.rotationDate()).isEqualTo(kit.clock.instant());
            assertThat(entry.importStateAsString()).as("only for imported keys").isNull();
        });
    }

    @Test
    void disablingStopsAutomaticRotation() {
        KeyMetadata key = symmetricKey();
        enable(key.keyId(), 90);

        rotation.disableKeyRotation(kit.caller(), DisableKeyRotationRequest.builder().keyId(key.keyId()).build());
        kit.clock.advance(Duration.ofDays(91));

        assertThat(kit.runDueJobs()).isZero();
        assertThat(describe(key.keyId()).currentKeyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        GetKeyRotationStatusResponse status = status(key.keyId());
        assertThat(status.keyRotationEnabled()).isFalse();
        assertThat(status.rotationPeriodInDays()).isNull();
    }

    @Test
    void onDemandRotationIsInProgressUntilItsJobRunsAndLeavesTheScheduleAlone() {
        KeyMetadata key = symmetricKey();
        enable(key.keyId(), 180);
        Instant next = status(key.keyId()).nextRotationDate();

        rotateOnDemand(key.keyId());

        assertThat(status(key.keyId()).onDemandRotationStartDate()).isEqualTo(kit.clock.instant());
        assertAwsError(() -> rotateOnDemand(key.keyId()), "ConflictException",
                "A rotation of " + key.arn() + " is in progress or scheduled to begin within the next 20 minutes.");
        assertThat(kit.runDueJobs()).isEqualTo(1);
        GetKeyRotationStatusResponse status = status(key.keyId());
        assertThat(status.onDemandRotationStartDate()).isNull();
        assertThat(status.nextRotationDate()).isEqualTo(next);
        assertThat(describe(key.keyId()).currentKeyMaterialId()).isNotEqualTo(key.currentKeyMaterialId());
        assertThat(rotations(ListKeyRotationsRequest.builder().keyId(key.keyId()).build()).rotations())
                .extracting(RotationsListEntry::rotationTypeAsString).containsExactly("ON_DEMAND");
    }

    @Test
    void onDemandRotationWorksWithoutAutomaticRotation() {
        KeyMetadata key = symmetricKey();

        rotateOnDemand(key.keyId());
        kit.runDueJobs();

        assertThat(status(key.keyId()).keyRotationEnabled()).isFalse();
        assertThat(describe(key.keyId()).currentKeyMaterialId()).isNotEqualTo(key.currentKeyMaterialId());
    }

    @Test
    void aKeyRotatesOnDemandTenTimesInItsLife() {
        KeyMetadata key = symmetricKey();
        for (int i = 0; i < 10; i++) {
            rotateOnDemand(key.keyId());
            kit.runDueJobs();
        }

        assertAwsError(() -> rotateOnDemand(key.keyId()), "LimitExceededException",
                "The on-demand rotations limit has been reached for the given keyId. "
                        + "No more on-demand rotations can be performed for this key: " + key.arn());
        assertThat(rotations(ListKeyRotationsRequest.builder().keyId(key.keyId()).build()).rotations()).hasSize(10);
    }

    @Test
    void onDemandRotationIsRefusedWithinTwentyMinutesOfAnAutomaticOne() {
        KeyMetadata key = symmetricKey();
        enable(key.keyId(), 90);
        kit.clock.advance(Duration.ofDays(90).minusMinutes(19));

        assertAwsError(() -> rotateOnDemand(key.keyId()), "ConflictException",
                "A rotation of " + key.arn() + " is in progress or scheduled to begin within the next 20 minutes.");
    }

    @Test
    void aDisabledKeyDoesNotRotateButCatchesUpOnceEnabledAgain() {
        KeyMetadata key = symmetricKey();
        enable(key.keyId(), 90);
        lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build());

        kit.clock.advance(Duration.ofDays(100));
        kit.runDueJobs();
        assertThat(describe(key.keyId()).currentKeyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        assertAwsError(() -> rotateOnDemand(key.keyId()), "DisabledException", key.arn() + " is disabled.");
        assertAwsError(() -> enable(key.keyId(), 90), "DisabledException", key.arn() + " is disabled.");

        lifecycle.enableKey(kit.caller(), EnableKeyRequest.builder().keyId(key.keyId()).build());
        kit.clock.advance(KeyRotationJob.PAUSED_RECHECK);
        kit.runDueJobs();

        assertThat(describe(key.keyId()).currentKeyMaterialId()).isNotEqualTo(key.currentKeyMaterialId());
        assertThat(status(key.keyId()).nextRotationDate()).isEqualTo(kit.clock.instant().plus(Duration.ofDays(90)));
    }

    @Test
    void aKeyPendingDeletionReportsRotationOffUntilTheDeletionIsCancelled() {
        KeyMetadata key = symmetricKey();
        enable(key.keyId(), 90);
        deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(key.keyId()).build());

        assertThat(status(key.keyId()).keyRotationEnabled()).isFalse();

        deletion.cancelKeyDeletion(kit.caller(), CancelKeyDeletionRequest.builder().keyId(key.keyId()).build());
        assertThat(status(key.keyId()).keyRotationEnabled()).isTrue();
        assertThat(status(key.keyId()).rotationPeriodInDays()).isEqualTo(90);
    }

    @ParameterizedTest
    @CsvSource({"RSA_2048,ENCRYPT_DECRYPT", "ECC_NIST_P256,SIGN_VERIFY", "HMAC_256,GENERATE_VERIFY_MAC"})
    void onlySymmetricEncryptionKeysRotateAndOthersAreRefusedWithoutAMessage(String spec, String usage) {
        KeyMetadata key = createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage).build());

        assertAwsError(() -> enable(key.keyId(), null), "UnsupportedOperationException", null);
        assertAwsError(() -> rotateOnDemand(key.keyId()), "UnsupportedOperationException", null);
        assertAwsError(() -> status(key.keyId()), "UnsupportedOperationException", null);
        assertAwsError(() -> rotation.disableKeyRotation(kit.caller(), DisableKeyRotationRequest.builder().keyId(key.keyId()).build()),
                "UnsupportedOperationException", null);
        assertAwsError(() -> rotations(ListKeyRotationsRequest.builder().keyId(key.keyId()).build()),
                "UnsupportedOperationException", null);
    }

    @Test
    void keysForImportedMaterialHaveNoAutomaticRotation() {
        KeyMetadata key = createKey(CreateKeyRequest.builder().origin("EXTERNAL").build());

        assertAwsError(() -> enable(key.keyId(), null), "UnsupportedOperationException",
                key.arn() + " origin is EXTERNAL which is not valid for this operation.");
        assertAwsError(() -> rotateOnDemand(key.keyId()), "KMSInvalidStateException", key.arn() + " is pending import.");
    }

    @Test
    void awsManagedKeysRotateEveryYearAndCannotBeConfigured() {
        String keyId = describe("alias/aws/ssm").keyId();

        GetKeyRotationStatusResponse status = status(keyId);
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(365);
        assertAwsError(() -> rotation.disableKeyRotation(kit.caller(), DisableKeyRotationRequest.builder().keyId(keyId).build()),
                "AccessDeniedException", "User: arn:aws:iam::111122223333:root is not authorized to perform: kms:DisableKeyRotation "
                        + "on resource: " + status.keyId() + " because no resource-based policy allows the kms:DisableKeyRotation action");
        assertAwsError(() -> rotateOnDemand(keyId), "AccessDeniedException", "User: arn:aws:iam::111122223333:root is not authorized "
                + "to perform: kms:RotateKeyOnDemand on resource: " + status.keyId()
                + " because no resource-based policy allows the kms:RotateKeyOnDemand action");

        kit.clock.advance(Duration.ofDays(365));
        kit.runDueJobs();
        assertThat(rotations(ListKeyRotationsRequest.builder().keyId(keyId).build()).rotations()).hasSize(1);
    }

    @Test
    void listingPagesInRotationOrderAndAllKeyMaterialAddsTheFirstMaterial() {
        KeyMetadata key = symmetricKey();
        for (int i = 0; i < 3; i++) {
            kit.clock.advance(Duration.ofHours(1));
            rotateOnDemand(key.keyId());
            kit.runDueJobs();
        }
        String current = describe(key.keyId()).currentKeyMaterialId();

        ListKeyRotationsResponse all = rotations(ListKeyRotationsRequest.builder().keyId(key.keyId())
                .includeKeyMaterial("ALL_KEY_MATERIAL").build());
        assertThat(all.rotations()).hasSize(4);
        assertThat(all.rotations().get(0).keyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        assertThat(all.rotations().get(0).rotationDate()).isNull();
        assertThat(all.rotations()).extracting(RotationsListEntry::keyMaterialStateAsString)
                .containsExactly("NON_CURRENT", "NON_CURRENT", "NON_CURRENT", "CURRENT");
        assertThat(all.rotations().get(3).keyMaterialId()).isEqualTo(current);
        assertThat(all.truncated()).isFalse();

        ListKeyRotationsResponse first = rotations(ListKeyRotationsRequest.builder().keyId(key.keyId()).limit(2).build());
        assertThat(first.truncated()).isTrue();
        ListKeyRotationsResponse second = rotations(ListKeyRotationsRequest.builder().keyId(key.keyId()).limit(2)
                .marker(first.nextMarker()).build());
        assertThat(second.truncated()).isFalse();
        assertThat(second.nextMarker()).isNull();
        assertThat(first.rotations().size() + second.rotations().size()).isEqualTo(3);
        assertThat(second.rotations().get(second.rotations().size() - 1).keyMaterialId()).isEqualTo(current);
        assertAwsError(() -> rotations(ListKeyRotationsRequest.builder().keyId(key.keyId()).marker("not-a-marker").build()),
                "InvalidMarkerException", "The marker that specifies where pagination should next begin is not valid.");
    }
}
