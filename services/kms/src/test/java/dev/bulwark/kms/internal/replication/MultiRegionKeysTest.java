package dev.bulwark.kms.internal.replication;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.KeyPolicies;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.imports.KeyMaterialImport;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.internal.rotation.KeyRotation;
import dev.bulwark.kms.internal.rotation.KeyRotationListing;
import dev.bulwark.kms.testing.ImportWrapping;
import dev.bulwark.kms.testing.KmsTestKit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.GetParametersForImportRequest;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsRequest;
import software.amazon.awssdk.services.kms.model.MultiRegionKey;
import software.amazon.awssdk.services.kms.model.ReplicateKeyRequest;
import software.amazon.awssdk.services.kms.model.ReplicateKeyResponse;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandRequest;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.UpdatePrimaryRegionRequest;

class MultiRegionKeysTest {
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("everywhere");
    private static final String REPLICA_REGION = KmsTestKit.OTHER_REGION.name();

    private final KmsTestKit kit = new KmsTestKit();
    private final Caller home = kit.caller();
    private final Caller away = kit.caller(KmsTestKit.ACCOUNT, KmsTestKit.OTHER_REGION);
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final Cryptography cryptography = new Cryptography(kit.core);
    private final KeyRotation rotation = new KeyRotation(kit.core);
    private final KeyRotationListing rotationListing = new KeyRotationListing(kit.core);
    private final KeyMaterialImport imports = new KeyMaterialImport(kit.core);
    private final MultiRegionKeys multiRegionKeys = new MultiRegionKeys(kit.core);

    private KeyMetadata multiRegionKey(CreateKeyRequest.Builder request) {
        return creation.createKey(home, request.multiRegion(true).build()).keyMetadata();
    }

    private ReplicateKeyResponse replicate(String keyId) {
        return multiRegionKeys.replicateKey(home, ReplicateKeyRequest.builder().keyId(keyId).replicaRegion(REPLICA_REGION).build());
    }

    private KeyMetadata describe(Caller caller, String keyId) {
        return lifecycle.describeKey(caller, DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
    }

    private SdkBytes encrypt(Caller caller, String keyId) {
        return cryptography.encrypt(caller, EncryptRequest.builder().keyId(keyId).plaintext(PLAINTEXT).build()).ciphertextBlob();
    }

    private SdkBytes decrypt(Caller caller, SdkBytes ciphertext) {
        return cryptography.decrypt(caller, DecryptRequest.builder().ciphertextBlob(ciphertext).build()).plaintext();
    }

    private GetKeyRotationStatusResponse status(Caller caller, String keyId) {
        return rotation.getKeyRotationStatus(caller, GetKeyRotationStatusRequest.builder().keyId(keyId).build());
    }

    private void rotateOnDemand(Caller caller, String keyId) {
        rotation.rotateKeyOnDemand(caller, RotateKeyOnDemandRequest.builder().keyId(keyId).build());
    }

    @Test
    void aReplicaIsCreatingUntilItsJobCopiesThePrimarysMaterial() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder().description("test replicated key"));

        ReplicateKeyResponse replicated = replicate(primary.keyId());

        KeyMetadata replica = replicated.replicaKeyMetadata();
        String replicaArn = "arn:aws:kms:" + REPLICA_REGION + ":111122223333:key/" + primary.keyId();
        assertThat(replica.arn()).isEqualTo(replicaArn);
        assertThat(replica.keyId()).isEqualTo(primary.keyId());
        assertThat(replica.keyStateAsString()).isEqualTo("Creating");
        assertThat(replica.enabled()).isFalse();
        assertThat(replica.description()).isEmpty();
        assertThat(replica.currentKeyMaterialId()).isNull();
        assertThat(replica.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("REPLICA");
        assertThat(replica.multiRegionConfiguration().primaryKey())
                .isEqualTo(MultiRegionKey.builder().arn(primary.arn()).region("us-east-1").build());
        assertThat(replica.multiRegionConfiguration().replicaKeys())
                .containsExactly(MultiRegionKey.builder().arn(replicaArn).region(REPLICA_REGION).build());
        assertThat(replicated.replicaPolicy()).isEqualTo(KeyPolicies.defaultPolicy(KmsScope.of(away)));
        assertThat(replicated.hasReplicaTags()).isFalse();
        assertThat(describe(home, primary.keyId()).multiRegionConfiguration().replicaKeys()).extracting(MultiRegionKey::region)
                .containsExactly(REPLICA_REGION);
        assertAwsError(() -> encrypt(away, primary.keyId()), "KMSInvalidStateException", replicaArn + " is creating.");

        assertThat(kit.runDueJobs()).isEqualTo(1);

        KeyMetadata created = describe(away, primary.keyId());
        assertThat(created.keyStateAsString()).isEqualTo("Enabled");
        assertThat(created.currentKeyMaterialId()).isEqualTo(primary.currentKeyMaterialId());
    }

    @Test
    void ciphertextsMadeInOneRegionDecryptInTheOther() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder());
        replicate(primary.keyId());
        kit.runDueJobs();

        assertThat(decrypt(away, encrypt(home, primary.keyId()))).isEqualTo(PLAINTEXT);
        assertThat(decrypt(home, encrypt(away, primary.keyId()))).isEqualTo(PLAINTEXT);
    }

    @Test
    void aReplicaHasItsOwnDescriptionPolicyAndTags() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder().description("primary"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

        ReplicateKeyResponse replicated = multiRegionKeys.replicateKey(home, ReplicateKeyRequest.builder().keyId(primary.keyId())
                .replicaRegion(REPLICA_REGION).description("replica").policy(policy)
                .tags(Tag.builder().tagKey("team").tagValue("blue").build()).build());

        assertThat(replicated.replicaKeyMetadata().description()).isEqualTo("replica");
        assertThat(replicated.replicaPolicy()).isEqualTo(policy);
        assertThat(replicated.replicaTags()).containsExactly(Tag.builder().tagKey("team").tagValue("blue").build());
        assertThat(kit.lastConditions("kms:ReplicateKey")).containsEntry("kms:ReplicaRegion", List.of(REPLICA_REGION));
        assertThat(kit.lastAuthorization("kms:CreateKey").resourceArn()).isEqualTo("*");
        assertThat(kit.lastAuthorization("kms:TagResource").resourceArn()).isEqualTo("*");
    }

    @Test
    void onlyAPrimaryReplicatesAndOncePerRegion() {
        KeyMetadata single = creation.createKey(home, CreateKeyRequest.builder().build()).keyMetadata();
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder());
        replicate(primary.keyId());
        kit.runDueJobs();
        String replicaArn = describe(away, primary.keyId()).arn();

        assertAwsError(() -> replicate(single.keyId()), "UnsupportedOperationException", single.arn() + " is not a multi-region primary key.");
        assertAwsError(() -> multiRegionKeys.replicateKey(away, ReplicateKeyRequest.builder().keyId(primary.keyId())
                .replicaRegion("ap-southeast-1").build()), "UnsupportedOperationException", replicaArn + " is not a multi-region primary key.");
        assertAwsError(() -> replicate(primary.keyId()), "AlreadyExistsException", replicaArn + " already exists.");
        assertAwsError(() -> multiRegionKeys.replicateKey(home, ReplicateKeyRequest.builder().keyId(primary.keyId())
                .replicaRegion("us-east-1").build()), "AlreadyExistsException", primary.arn() + " already exists.");
        assertAwsError(() -> multiRegionKeys.replicateKey(home, ReplicateKeyRequest.builder().keyId(primary.keyId())
                .replicaRegion("Moon").build()), "ValidationException", "1 validation error detected: Value 'Moon' at 'replicaRegion' "
                + "failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-z]+-){2,3}\\d+$");
    }

    @Test
    void aDisabledPrimaryDoesNotReplicate() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder());
        lifecycle.disableKey(home, DisableKeyRequest.builder().keyId(primary.keyId()).build());

        assertAwsError(() -> replicate(primary.keyId()), "DisabledException", primary.arn() + " is disabled.");
    }

    @Test
    void rotatingThePrimaryRotatesEveryReplicaAndOldCiphertextsStillDecryptEverywhere() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder());
        replicate(primary.keyId());
        kit.runDueJobs();
        SdkBytes before = encrypt(away, primary.keyId());
        rotation.enableKeyRotation(home, EnableKeyRotationRequest.builder().keyId(primary.keyId()).rotationPeriodInDays(90).build());

        rotateOnDemand(home, primary.keyId());
        kit.runDueJobs();

        String current = describe(home, primary.keyId()).currentKeyMaterialId();
        assertThat(current).isNotEqualTo(primary.currentKeyMaterialId());
        assertThat(describe(away, primary.keyId()).currentKeyMaterialId()).isEqualTo(current);
        SdkBytes after = encrypt(away, primary.keyId());
        assertThat(decrypt(home, after)).isEqualTo(PLAINTEXT);
        assertThat(decrypt(home, before)).isEqualTo(PLAINTEXT);
        assertThat(decrypt(away, before)).isEqualTo(PLAINTEXT);
        GetKeyRotationStatusResponse replicaStatus = status(away, primary.keyId());
        assertThat(replicaStatus.keyRotationEnabled()).isTrue();
        assertThat(replicaStatus.rotationPeriodInDays()).isEqualTo(90);
        assertThat(rotationListing.listKeyRotations(away, ListKeyRotationsRequest.builder().keyId(primary.keyId()).build()).rotations())
                .extracting(RotationsListEntry::keyMaterialId).containsExactly(current);
    }

    @Test
    void rotationIsConfiguredAndStartedOnThePrimaryOnly() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder());
        replicate(primary.keyId());
        kit.runDueJobs();
        String replicaArn = describe(away, primary.keyId()).arn();

        assertAwsError(() -> rotation.enableKeyRotation(away, EnableKeyRotationRequest.builder().keyId(primary.keyId()).build()),
                "UnsupportedOperationException", replicaArn + " is not a multi-region primary key.");
        assertAwsError(() -> rotateOnDemand(away, primary.keyId()), "UnsupportedOperationException",
                replicaArn + " is not a multi-region primary key.");
    }

    @Test
    void updatingThePrimaryRegionSwapsRolesAndMovesTheRotationSchedule() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder());
        replicate(primary.keyId());
        kit.runDueJobs();
        rotation.enableKeyRotation(home, EnableKeyRotationRequest.builder().keyId(primary.keyId()).rotationPeriodInDays(90).build());

        multiRegionKeys.updatePrimaryRegion(home, UpdatePrimaryRegionRequest.builder().keyId(primary.keyId())
                .primaryRegion(REPLICA_REGION).build());

        KeyMetadata newPrimary = describe(away, primary.keyId());
        KeyMetadata oldPrimary = describe(home, primary.keyId());
        assertThat(newPrimary.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("PRIMARY");
        assertThat(oldPrimary.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("REPLICA");
        assertThat(oldPrimary.multiRegionConfiguration().primaryKey().region()).isEqualTo(REPLICA_REGION);
        assertThat(newPrimary.multiRegionConfiguration().replicaKeys()).extracting(MultiRegionKey::region).containsExactly("us-east-1");
        assertThat(status(away, primary.keyId()).rotationPeriodInDays()).isEqualTo(90);
        assertThat(status(home, primary.keyId()).rotationPeriodInDays()).isEqualTo(90);
        assertAwsError(() -> replicate(primary.keyId()), "UnsupportedOperationException", oldPrimary.arn() + " is not a multi-region primary key.");

        kit.clock.advance(Duration.ofDays(90));
        kit.runDueJobs();
        assertThat(describe(home, primary.keyId()).currentKeyMaterialId()).isNotEqualTo(primary.currentKeyMaterialId())
                .isEqualTo(describe(away, primary.keyId()).currentKeyMaterialId());
    }

    @Test
    void theNewPrimaryRegionMustHoldAReplica() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder());

        assertAwsError(() -> multiRegionKeys.updatePrimaryRegion(home, UpdatePrimaryRegionRequest.builder().keyId(primary.keyId())
                        .primaryRegion("ap-southeast-1").build()),
                "NotFoundException", "Key 'arn:aws:kms:ap-southeast-1:111122223333:key/" + primary.keyId() + "' does not exist");
    }

    @Test
    void aPrimaryWaitsForItsReplicasBeforeItsOwnWaitingPeriodStarts() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder());
        replicate(primary.keyId());
        kit.runDueJobs();

        ScheduleKeyDeletionResponse primaryDeletion = deletion.scheduleKeyDeletion(home, ScheduleKeyDeletionRequest.builder()
                .keyId(primary.keyId()).pendingWindowInDays(10).build());

        assertThat(primaryDeletion.keyStateAsString()).isEqualTo("PendingReplicaDeletion");
        assertThat(primaryDeletion.deletionDate()).isNull();
        assertThat(describe(home, primary.keyId()).pendingDeletionWindowInDays()).isEqualTo(10);
        deletion.scheduleKeyDeletion(away, ScheduleKeyDeletionRequest.builder().keyId(primary.keyId()).pendingWindowInDays(7).build());
        kit.clock.advance(Duration.ofDays(7));
        kit.runDueJobs();

        KeyMetadata waiting = describe(home, primary.keyId());
        assertThat(waiting.keyStateAsString()).isEqualTo("PendingDeletion");
        assertThat(waiting.deletionDate()).isEqualTo(kit.clock.instant().plus(Duration.ofDays(10)));
        assertThat(waiting.multiRegionConfiguration().replicaKeys()).isEmpty();
        kit.clock.advance(Duration.ofDays(10));
        kit.runDueJobs();
        assertAwsError(() -> describe(home, primary.keyId()), "NotFoundException", "Key '" + primary.arn() + "' does not exist");
    }

    @Test
    void aReplicaOfAnImportedKeyImportsTheSameMaterialAndNewMaterialRotatesOnceEveryRegionHasIt() {
        KeyMetadata primary = multiRegionKey(CreateKeyRequest.builder().origin("EXTERNAL"));
        byte[] first = randomMaterial();
        importMaterial(home, primary.keyId(), first, null);
        replicate(primary.keyId());
        kit.runDueJobs();
        assertThat(describe(away, primary.keyId()).keyStateAsString()).isEqualTo("PendingImport");

        importMaterial(away, primary.keyId(), first, null);
        assertThat(describe(away, primary.keyId()).keyStateAsString()).isEqualTo("Enabled");
        assertThat(decrypt(away, encrypt(home, primary.keyId()))).isEqualTo(PLAINTEXT);

        byte[] second = randomMaterial();
        String next = importMaterial(home, primary.keyId(), second, "NEW_KEY_MATERIAL");
        assertThat(rotationListing.listKeyRotations(home, ListKeyRotationsRequest.builder().keyId(primary.keyId())
                .includeKeyMaterial("ALL_KEY_MATERIAL").build()).rotations())
                .extracting(RotationsListEntry::keyMaterialStateAsString).containsExactly("CURRENT", "PENDING_MULTI_REGION_IMPORT_AND_ROTATION");
        assertAwsError(() -> rotateOnDemand(home, primary.keyId()), "KMSInvalidStateException",
                "No available key material pending rotation for the key: " + primary.arn() + ".");
        assertAwsError(() -> importMaterial(away, primary.keyId(), randomMaterial(), "NEW_KEY_MATERIAL"),
                "UnsupportedOperationException", describe(away, primary.keyId()).arn() + " is not a multi-region primary key.");

        importMaterial(away, primary.keyId(), second, null);
        rotateOnDemand(home, primary.keyId());
        kit.runDueJobs();

        assertThat(describe(home, primary.keyId()).currentKeyMaterialId()).isEqualTo(next);
        assertThat(describe(away, primary.keyId()).currentKeyMaterialId()).isEqualTo(next);
        assertThat(decrypt(home, encrypt(away, primary.keyId()))).isEqualTo(PLAINTEXT);
    }

    private byte[] randomMaterial() {
        byte[] material = new byte[32];
        kit.random.nextBytes(material);
        return material;
    }

    private String importMaterial(Caller caller, String keyId, byte[] material, String importType) {
        GetParametersForImportResponse parameters = imports.getParametersForImport(caller, GetParametersForImportRequest.builder()
                .keyId(keyId).wrappingAlgorithm("RSAES_OAEP_SHA_256").wrappingKeySpec("RSA_2048").build());
        byte[] wrapped = ImportWrapping.wrap("RSAES_OAEP_SHA_256", parameters.publicKey().asByteArray(), material, kit.random);
        return imports.importKeyMaterial(caller, ImportKeyMaterialRequest.builder().keyId(keyId).importToken(parameters.importToken())
                .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped)).expirationModel("KEY_MATERIAL_DOES_NOT_EXPIRE")
                .importType(importType).build()).keyMaterialId();
    }
}
