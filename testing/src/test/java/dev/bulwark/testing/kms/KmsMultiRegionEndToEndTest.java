package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.MultiRegionKey;
import software.amazon.awssdk.services.kms.model.ReplicateKeyResponse;

/**
 * Multi-Region keys through the real AWS SDK, with one client per region against the same server
 * (credentials are scoped by region, so the region a request is signed for is the region it acts
 * in): replication, cross-region decryption, rotation of the whole family and a change of primary.
 */
class KmsMultiRegionEndToEndTest {
    private static final String REPLICA_REGION = "ap-southeast-1";
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("crosses regions");

    private static BulwarkTestServer server;
    private static KmsClient home;
    private static KmsClient away;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        home = server.client(KmsClient.builder());
        away = KmsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(REPLICA_REGION))
                .credentialsProvider(server.adminCredentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        home.close();
        away.close();
        server.close();
    }

    private static KeyMetadata multiRegionKey() {
        return home.createKey(request -> request.multiRegion(true).description("test replicated key")).keyMetadata();
    }

    private static KeyMetadata replicated(KeyMetadata primary) {
        home.replicateKey(request -> request.keyId(primary.keyId()).replicaRegion(REPLICA_REGION));
        JobCompletion.await("the replica of " + primary.keyId(),
                () -> "Enabled".equals(away.describeKey(request -> request.keyId(primary.keyId())).keyMetadata().keyStateAsString()));
        return away.describeKey(request -> request.keyId(primary.keyId())).keyMetadata();
    }

    @Test
    void aReplicaIsCreatedAsAwsRecordedItAndSharesThePrimarysMaterial() {
        KeyMetadata primary = multiRegionKey();
        String replicaArn = "arn:aws:kms:" + REPLICA_REGION + ":" + BulwarkTestServer.ACCOUNT + ":key/" + primary.keyId();
        // Recorded: test_replicate_key (describe-key-from-different-region)
        assertKmsError(() -> away.describeKey(request -> request.keyId(primary.keyId())), "NotFoundException",
                "Key '" + replicaArn + "' does not exist");

        ReplicateKeyResponse response = home.replicateKey(request -> request.keyId(primary.keyId()).replicaRegion(REPLICA_REGION));

        // Recorded: replicate-key
        KeyMetadata creating = response.replicaKeyMetadata();
        assertThat(creating.arn()).isEqualTo(replicaArn);
        assertThat(creating.keyStateAsString()).isEqualTo("Creating");
        assertThat(creating.enabled()).isFalse();
        assertThat(creating.description()).isEmpty();
        assertThat(creating.multiRegion()).isTrue();
        assertThat(creating.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("REPLICA");
        assertThat(creating.multiRegionConfiguration().primaryKey())
                .isEqualTo(MultiRegionKey.builder().arn(primary.arn()).region("us-east-1").build());
        assertThat(creating.multiRegionConfiguration().replicaKeys())
                .containsExactly(MultiRegionKey.builder().arn(replicaArn).region(REPLICA_REGION).build());
        assertThat(response.replicaPolicy()).contains("\"Id\" : \"key-default-1\"", "arn:aws:iam::" + BulwarkTestServer.ACCOUNT + ":root");

        JobCompletion.await("the replica", () -> "Enabled".equals(
                away.describeKey(request -> request.keyId(primary.keyId())).keyMetadata().keyStateAsString()));
        // Recorded: describe-key-from-region, describe-replicated-key
        KeyMetadata replica = away.describeKey(request -> request.keyId(primary.keyId())).keyMetadata();
        assertThat(replica.enabled()).isTrue();
        assertThat(replica.currentKeyMaterialId()).isEqualTo(primary.currentKeyMaterialId());
        KeyMetadata primaryNow = home.describeKey(request -> request.keyId(primary.keyId())).keyMetadata();
        assertThat(primaryNow.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("PRIMARY");
        assertThat(primaryNow.multiRegionConfiguration().replicaKeys()).extracting(MultiRegionKey::region).containsExactly(REPLICA_REGION);
    }

    @Test
    void aCiphertextMadeInOneRegionDecryptsInTheOther() {
        KeyMetadata primary = multiRegionKey();
        replicated(primary);

        SdkBytes madeHome = home.encrypt(request -> request.keyId(primary.keyId()).plaintext(PLAINTEXT)).ciphertextBlob();
        SdkBytes madeAway = away.encrypt(request -> request.keyId(primary.keyId()).plaintext(PLAINTEXT)).ciphertextBlob();

        assertThat(away.decrypt(request -> request.ciphertextBlob(madeHome)).plaintext()).isEqualTo(PLAINTEXT);
        assertThat(home.decrypt(request -> request.ciphertextBlob(madeAway)).plaintext()).isEqualTo(PLAINTEXT);
    }

    @Test
    void rotatingThePrimaryRotatesTheReplica() {
        KeyMetadata primary = multiRegionKey();
        replicated(primary);
        SdkBytes before = away.encrypt(request -> request.keyId(primary.keyId()).plaintext(PLAINTEXT)).ciphertextBlob();

        home.rotateKeyOnDemand(request -> request.keyId(primary.keyId()));
        JobCompletion.await("the rotation", () -> home.getKeyRotationStatus(request -> request.keyId(primary.keyId()))
                .onDemandRotationStartDate() == null);

        String current = home.describeKey(request -> request.keyId(primary.keyId())).keyMetadata().currentKeyMaterialId();
        assertThat(current).isNotEqualTo(primary.currentKeyMaterialId());
        assertThat(away.describeKey(request -> request.keyId(primary.keyId())).keyMetadata().currentKeyMaterialId()).isEqualTo(current);
        SdkBytes after = away.encrypt(request -> request.keyId(primary.keyId()).plaintext(PLAINTEXT)).ciphertextBlob();
        assertThat(home.decrypt(request -> request.ciphertextBlob(after)).keyMaterialId()).isEqualTo(current);
        assertThat(home.decrypt(request -> request.ciphertextBlob(before)).plaintext()).isEqualTo(PLAINTEXT);
    }

    @Test
    void onlyThePrimaryReplicatesOrRotates() {
        KeyMetadata primary = multiRegionKey();
        KeyMetadata replica = replicated(primary);

        // Recorded: test_replicate_replica_key_should_fail
        assertKmsError(() -> away.replicateKey(request -> request.keyId(primary.keyId()).replicaRegion("eu-west-1")),
                "UnsupportedOperationException", replica.arn() + " is not a multi-region primary key.");
        assertKmsError(() -> away.rotateKeyOnDemand(request -> request.keyId(primary.keyId())),
                "UnsupportedOperationException", replica.arn() + " is not a multi-region primary key.");
        assertKmsError(() -> home.replicateKey(request -> request.keyId(primary.keyId()).replicaRegion(REPLICA_REGION)),
                "AlreadyExistsException", replica.arn() + " already exists.");
        KeyMetadata single = home.createKey(request -> request.description("single")).keyMetadata();
        assertKmsError(() -> home.replicateKey(request -> request.keyId(single.keyId()).replicaRegion(REPLICA_REGION)),
                "UnsupportedOperationException", single.arn() + " is not a multi-region primary key.");
    }

    @Test
    void thePrimaryRegionMovesToAReplica() {
        KeyMetadata primary = multiRegionKey();
        replicated(primary);

        home.updatePrimaryRegion(request -> request.keyId(primary.keyId()).primaryRegion(REPLICA_REGION));

        KeyMetadata newPrimary = away.describeKey(request -> request.keyId(primary.keyId())).keyMetadata();
        KeyMetadata oldPrimary = home.describeKey(request -> request.keyId(primary.keyId())).keyMetadata();
        assertThat(newPrimary.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("PRIMARY");
        assertThat(newPrimary.multiRegionConfiguration().replicaKeys()).extracting(MultiRegionKey::region).containsExactly("us-east-1");
        assertThat(oldPrimary.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("REPLICA");
        assertThat(oldPrimary.multiRegionConfiguration().primaryKey().arn()).isEqualTo(newPrimary.arn());
        assertKmsError(() -> home.updatePrimaryRegion(request -> request.keyId(primary.keyId()).primaryRegion(REPLICA_REGION)),
                "UnsupportedOperationException", oldPrimary.arn() + " is not a multi-region primary key.");
        assertKmsError(() -> away.updatePrimaryRegion(request -> request.keyId(primary.keyId()).primaryRegion("eu-west-3")),
                "NotFoundException", "Key 'arn:aws:kms:eu-west-3:" + BulwarkTestServer.ACCOUNT + ":key/" + primary.keyId() + "' does not exist");
    }

    @Test
    void aPrimaryWithReplicasWaitsForThem() {
        KeyMetadata primary = multiRegionKey();
        replicated(primary);

        var scheduled = home.scheduleKeyDeletion(request -> request.keyId(primary.keyId()).pendingWindowInDays(7));

        assertThat(scheduled.keyStateAsString()).isEqualTo("PendingReplicaDeletion");
        assertThat(scheduled.deletionDate()).isNull();
        KeyMetadata waiting = home.describeKey(request -> request.keyId(primary.keyId())).keyMetadata();
        assertThat(waiting.pendingDeletionWindowInDays()).isEqualTo(7);
        home.cancelKeyDeletion(request -> request.keyId(primary.keyId()));
        assertThat(home.describeKey(request -> request.keyId(primary.keyId())).keyMetadata().keyStateAsString()).isEqualTo("Disabled");
    }
}
