package dev.bulwark.secretsmanager.internal;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.call.Caller;
import dev.bulwark.secretsmanager.testing.FakeKms;
import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.RemoveRegionsFromReplicationRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsResponse;
import software.amazon.awssdk.services.secretsmanager.model.StopReplicationToReplicaRequest;
import software.amazon.awssdk.services.secretsmanager.model.StatusType;

class ReplicationTest {
    private final SecretsTestKit kit = new SecretsTestKit();
    private final Caller inReplicaRegion = kit.caller(SecretsTestKit.ACCOUNT, SecretsTestKit.OTHER_REGION);

    @AfterEach
    void close() {
        kit.close();
    }

    private CreateSecretResponse createReplicated() {
        CreateSecretResponse created = kit.call(CreateSecretRequest.builder().name("s").secretString("v1")
                .clientRequestToken(UUID.randomUUID().toString()).build());
        ReplicateSecretToRegionsResponse replicated = kit.call(ReplicateSecretToRegionsRequest.builder().secretId("s")
                .addReplicaRegions(ReplicaRegionType.builder().region("eu-west-1").build()).build());
        assertThat(replicated.replicationStatus()).singleElement().satisfies(status -> {
            assertThat(status.region()).isEqualTo("eu-west-1");
            assertThat(status.status()).isEqualTo(StatusType.IN_SYNC);
        });
        return created;
    }

    @Test
    void aReplicaIsARealCopyEncryptedUnderItsRegionsKey() {
        CreateSecretResponse created = createReplicated();
        String replicaArn = created.arn().replace("us-east-1", "eu-west-1");

        GetSecretValueResponse value = kit.call(inReplicaRegion, GetSecretValueRequest.builder().secretId("s").build());
        assertThat(value.secretString()).isEqualTo("v1");
        assertThat(value.arn()).isEqualTo(replicaArn);
        assertThat(value.versionId()).isEqualTo(created.versionId());
        assertThat(kit.kms.calls()).anySatisfy(call -> {
            assertThat(call.operation()).isEqualTo("GenerateDataKey");
            assertThat(call.region()).isEqualTo("eu-west-1");
            assertThat(call.context()).containsEntry("SecretARN", replicaArn);
        });
        DescribeSecretResponse replica = kit.call(inReplicaRegion, DescribeSecretRequest.builder().secretId("s").build());
        assertThat(replica.primaryRegion()).isEqualTo("us-east-1");
        DescribeSecretResponse primary = kit.call(DescribeSecretRequest.builder().secretId("s").build());
        assertThat(primary.primaryRegion()).isEqualTo("us-east-1");
        assertThat(primary.replicationStatus()).hasSize(1);
    }

    @Test
    void writesToThePrimaryReachTheReplicaAndWritesToTheReplicaAreRefused() {
        createReplicated();
        kit.call(PutSecretValueRequest.builder().secretId("s").secretString("v2").clientRequestToken(UUID.randomUUID().toString()).build());

        assertThat(kit.<GetSecretValueResponse>call(inReplicaRegion, GetSecretValueRequest.builder().secretId("s").build()).secretString())
                .isEqualTo("v2");
        assertThat(kit.<GetSecretValueResponse>call(inReplicaRegion, GetSecretValueRequest.builder().secretId("s")
                .versionStage("AWSPREVIOUS").build()).secretString()).isEqualTo("v1");
        assertAwsError(() -> kit.call(inReplicaRegion, PutSecretValueRequest.builder().secretId("s").secretString("x")
                .clientRequestToken(UUID.randomUUID().toString()).build()), "InvalidRequestException",
                "Operation not permitted on a replica secret. Call must be made in primary secret's region.");
        assertAwsError(() -> kit.call(DeleteSecretRequest.builder().secretId("s").build()), "InvalidParameterException",
                "You can't delete secret s that still has replica regions [eu-west-1]");
    }

    @Test
    void removingARegionDeletesTheReplicaAndStoppingReplicationPromotesIt() {
        createReplicated();
        kit.call(RemoveRegionsFromReplicationRequest.builder().secretId("s").removeReplicaRegions("eu-west-1").build());
        assertAwsError(() -> kit.call(inReplicaRegion, GetSecretValueRequest.builder().secretId("s").build()), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.");
        assertThat(kit.<DescribeSecretResponse>call(DescribeSecretRequest.builder().secretId("s").build()).primaryRegion()).isNull();

        kit.call(ReplicateSecretToRegionsRequest.builder().secretId("s")
                .addReplicaRegions(ReplicaRegionType.builder().region("eu-west-1").build()).build());
        kit.call(inReplicaRegion, StopReplicationToReplicaRequest.builder().secretId("s").build());
        kit.call(inReplicaRegion, PutSecretValueRequest.builder().secretId("s").secretString("own").clientRequestToken(UUID.randomUUID().toString()).build());

        assertThat(kit.<GetSecretValueResponse>call(GetSecretValueRequest.builder().secretId("s").build()).secretString()).isEqualTo("v1");
        assertThat(kit.<DescribeSecretResponse>call(DescribeSecretRequest.builder().secretId("s").build()).replicationStatus()).isEmpty();
    }

    @Test
    void aReplicaWhoseKeyFailsIsReportedFailedWithTheReason() {
        kit.call(CreateSecretRequest.builder().name("s").secretString("v1").clientRequestToken(UUID.randomUUID().toString()).build());
        ReplicateSecretToRegionsResponse replicated = kit.call(ReplicateSecretToRegionsRequest.builder().secretId("s")
                .addReplicaRegions(ReplicaRegionType.builder().region("eu-west-1").kmsKeyId("alias/missing").build()).build());

        assertThat(replicated.replicationStatus()).singleElement().satisfies(status -> {
            assertThat(status.status()).isEqualTo(StatusType.FAILED);
            assertThat(status.statusMessage()).contains(FakeKms.arn("eu-west-1", "alias/missing"));
        });
        assertThat(List.of(kit.kms.calls().getLast().region())).containsExactly("eu-west-1");
    }
}
