package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/**
 * Key rotation through the real AWS SDK: settings, on-demand rotations carried out by the server's
 * job runner, the rotation list, and AWS's recorded answers for keys that cannot rotate.
 */
class KmsRotationEndToEndTest {
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("rotate me");

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

    private static KeyMetadata symmetricKey() {
        return kms.createKey(request -> request.description("test-key")).keyMetadata();
    }

    private static GetKeyRotationStatusResponse status(String keyId) {
        return kms.getKeyRotationStatus(request -> request.keyId(keyId));
    }

    private static void rotateAndWait(String keyId) {
        kms.rotateKeyOnDemand(request -> request.keyId(keyId));
        JobCompletion.await("the on-demand rotation of " + keyId, () -> status(keyId).onDemandRotationStartDate() == null);
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180})
    void enabledRotationReportsItsPeriodAndNextDate(int days) {
        KeyMetadata key = symmetricKey();
        Instant before = Instant.now();

        kms.enableKeyRotation(request -> request.keyId(key.keyId()).rotationPeriodInDays(days));

        // Recorded: test_key_enable_rotation_status[90] and [180]
        GetKeyRotationStatusResponse status = status(key.keyId());
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(days);
        assertThat(status.nextRotationDate()).isBetween(before.plus(Duration.ofDays(days)).minusSeconds(1),
                Instant.now().plus(Duration.ofDays(days)));
        assertThat(status.onDemandRotationStartDate()).isNull();
    }

    @Test
    void disabledRotationReportsOnlyThatItIsOff() {
        KeyMetadata key = symmetricKey();
        kms.enableKeyRotation(request -> request.keyId(key.keyId()));

        kms.disableKeyRotation(request -> request.keyId(key.keyId()));

        GetKeyRotationStatusResponse status = status(key.keyId());
        assertThat(status.keyId()).isEqualTo(key.arn());
        assertThat(status.keyRotationEnabled()).isFalse();
        assertThat(status.rotationPeriodInDays()).isNull();
        assertThat(status.nextRotationDate()).isNull();
    }

    @Test
    void onDemandRotationChangesTheCurrentMaterialAndEarlierCiphertextsStillDecrypt() {
        KeyMetadata key = symmetricKey();
        SdkBytes before = kms.encrypt(request -> request.keyId(key.keyId()).plaintext(PLAINTEXT)).ciphertextBlob();

        assertThat(kms.rotateKeyOnDemand(request -> request.keyId(key.keyId())).keyId()).isEqualTo(key.arn());
        JobCompletion.await("the on-demand rotation", () -> status(key.keyId()).onDemandRotationStartDate() == null);

        // Recorded: test_key_rotation_updates_current_key_material_id_for_aws_symmetric_keys
        String current = kms.describeKey(request -> request.keyId(key.keyId())).keyMetadata().currentKeyMaterialId();
        assertThat(current).isNotEqualTo(key.currentKeyMaterialId());
        assertThat(status(key.keyId()).keyRotationEnabled()).as("on-demand rotation leaves automatic rotation off").isFalse();
        var oldDecrypted = kms.decrypt(request -> request.ciphertextBlob(before));
        assertThat(oldDecrypted.plaintext()).isEqualTo(PLAINTEXT);
        assertThat(oldDecrypted.keyMaterialId()).isEqualTo(key.currentKeyMaterialId());
        SdkBytes after = kms.encrypt(request -> request.keyId(key.keyId()).plaintext(PLAINTEXT)).ciphertextBlob();
        assertThat(kms.decrypt(request -> request.ciphertextBlob(after)).keyMaterialId()).isEqualTo(current);

        ListKeyRotationsResponse rotations = kms.listKeyRotations(request -> request.keyId(key.keyId()));
        assertThat(rotations.truncated()).isFalse();
        assertThat(rotations.rotations()).singleElement().satisfies(entry -> {
            assertThat(entry.keyId()).isEqualTo(key.keyId());
            assertThat(entry.keyMaterialId()).isEqualTo(current);
            assertThat(entry.rotationTypeAsString()).isEqualTo("ON_DEMAND");
            assertThat(entry.keyMaterialStateAsString()).isEqualTo("CURRENT");
            assertThat(entry.rotationDate()).isNotNull();
        });
    }

    @Test
    void theRotationListPagesAndCanIncludeTheFirstMaterial() {
        KeyMetadata key = symmetricKey();
        rotateAndWait(key.keyId());
        rotateAndWait(key.keyId());

        ListKeyRotationsResponse all = kms.listKeyRotations(request -> request.keyId(key.keyId()).includeKeyMaterial("ALL_KEY_MATERIAL"));
        assertThat(all.rotations()).extracting(RotationsListEntry::keyMaterialStateAsString)
                .containsExactly("NON_CURRENT", "NON_CURRENT", "CURRENT");
        assertThat(all.rotations().get(0).keyMaterialId()).isEqualTo(key.currentKeyMaterialId());

        ListKeyRotationsResponse first = kms.listKeyRotations(request -> request.keyId(key.keyId()).limit(1));
        assertThat(first.truncated()).isTrue();
        ListKeyRotationsResponse second = kms.listKeyRotations(request -> request.keyId(key.keyId()).limit(1).marker(first.nextMarker()));
        assertThat(second.truncated()).isFalse();
        assertThat(second.rotations().get(0).keyMaterialId()).isNotEqualTo(first.rotations().get(0).keyMaterialId());
    }

    @Test
    void aKeyRotatesOnDemandAtMostTenTimes() {
        KeyMetadata key = symmetricKey();
        for (int i = 0; i < 10; i++) {
            rotateAndWait(key.keyId());
        }

        // Recorded: test_key_rotations_limits
        assertKmsError(() -> kms.rotateKeyOnDemand(request -> request.keyId(key.keyId())), "LimitExceededException",
                "The on-demand rotations limit has been reached for the given keyId. "
                        + "No more on-demand rotations can be performed for this key: " + key.arn());
    }

    @Test
    void keysThatCannotRotateAnswerAsAwsRecorded() {
        KeyMetadata rsa = kms.createKey(request -> request.keySpec("RSA_2048").keyUsage("SIGN_VERIFY")).keyMetadata();
        KeyMetadata disabled = symmetricKey();
        kms.disableKey(request -> request.keyId(disabled.keyId()));
        KeyMetadata external = kms.createKey(request -> request.origin("EXTERNAL").description("test-key")).keyMetadata();
        String missing = "arn:aws:kms:us-east-1:" + BulwarkTestServer.ACCOUNT + ":key/11111111-2222-4333-8444-555555555555";

        // Recorded: test_rotate_key_on_demand_raises_error_given_non_symmetric_key, ..._key_is_disabled,
        // ..._key_that_does_not_exist, test_rotate_key_on_demand_on_external_key_with_no_key_material
        assertKmsError(() -> kms.rotateKeyOnDemand(request -> request.keyId(rsa.keyId())), "UnsupportedOperationException", null);
        assertKmsError(() -> kms.rotateKeyOnDemand(request -> request.keyId(disabled.keyId())), "DisabledException",
                disabled.arn() + " is disabled.");
        assertKmsError(() -> kms.rotateKeyOnDemand(request -> request.keyId(missing)), "NotFoundException",
                "Key '" + missing + "' does not exist");
        assertKmsError(() -> kms.rotateKeyOnDemand(request -> request.keyId(external.keyId())), "KMSInvalidStateException",
                external.arn() + " is pending import.");
        assertKmsError(() -> kms.enableKeyRotation(request -> request.keyId(rsa.keyId())), "UnsupportedOperationException", null);
        assertKmsError(() -> kms.getKeyRotationStatus(request -> request.keyId(rsa.keyId())), "UnsupportedOperationException", null);
        assertKmsError(() -> kms.listKeyRotations(request -> request.keyId(rsa.keyId())), "UnsupportedOperationException", null);
        assertKmsError(() -> kms.enableKeyRotation(request -> request.keyId(external.keyId())), "UnsupportedOperationException",
                external.arn() + " origin is EXTERNAL which is not valid for this operation.");
        assertKmsError(() -> kms.enableKeyRotation(request -> request.keyId(disabled.keyId())), "DisabledException",
                disabled.arn() + " is disabled.");
        assertKmsError(() -> kms.enableKeyRotation(request -> request.keyId(rsa.keyId()).rotationPeriodInDays(30)), "ValidationException",
                "1 validation error detected: Value '30' at 'rotationPeriodInDays' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 90");
    }

    @Test
    void awsManagedKeysRotateYearlyAndCannotBeReconfigured() {
        String keyId = kms.describeKey(request -> request.keyId("alias/aws/secretsmanager")).keyMetadata().keyId();

        GetKeyRotationStatusResponse status = status(keyId);

        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(365);
        assertKmsError(() -> kms.disableKeyRotation(request -> request.keyId(keyId)), "AccessDeniedException",
                "User: arn:aws:iam::" + BulwarkTestServer.ACCOUNT + ":root is not authorized to perform: kms:DisableKeyRotation"
                        + " on resource: " + status.keyId() + " because no resource-based policy allows the kms:DisableKeyRotation action");
    }
}
