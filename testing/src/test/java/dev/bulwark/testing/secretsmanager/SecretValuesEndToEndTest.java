package dev.bulwark.testing.secretsmanager;

import static dev.bulwark.testing.secretsmanager.SecretsManagerErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.testing.BulwarkTestServer;
import dev.bulwark.testing.SignedRequests;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.StatusType;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

/**
 * Secret values through the AWS SDK for Java v2, as the scenarios recorded from AWS
 * (reference/aws-recorded/test_secretsmanager.snapshot.json) read them. Every value is encrypted
 * through KMS, so these run once the server has KMS's Java API.
 */

class SecretValuesEndToEndTest {
    private static BulwarkTestServer server;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        client = server.client(SecretsManagerClient.builder());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createReadUpdateAndDeleteAsRecorded() {
        String name = unique("Valid/_+=.@-Name");
        CreateSecretResponse created = client.createSecret(r -> r.name(name).secretString("my_secret").description("Testing secret creation."));
        String arn = created.arn();
        for (String id : List.of(name, arn, arn.substring(0, arn.length() - 7))) {
            GetSecretValueResponse value = client.getSecretValue(r -> r.secretId(id));
            assertThat(value.secretString()).isEqualTo("my_secret");
            assertThat(value.versionStages()).containsExactly("AWSCURRENT");
            assertThat(value.versionId()).isEqualTo(created.versionId());
        }
        assertThat(client.describeSecret(r -> r.secretId(name)).lastAccessedDate()).isNotNull();

        PutSecretValueResponse put = client.putSecretValue(r -> r.secretId(name).secretString("new_secret"));
        assertThat(put.versionStages()).containsExactly("AWSCURRENT");
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("new_secret");
        UpdateSecretResponse updated = client.updateSecret(r -> r.secretId(arn).secretString("test123").description("d1"));
        assertThat(updated.versionId()).isNotNull().isNotEqualTo(put.versionId());
        assertThat(client.describeSecret(r -> r.secretId(name)).versionIdsToStages())
                .isEqualTo(Map.of(put.versionId(), List.of("AWSPREVIOUS"), updated.versionId(), List.of("AWSCURRENT")));
        assertThat(client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true)).name()).isEqualTo(name);
    }

    @Test
    void putSecretValueWithVersionStagesAsRecorded() {
        String name = unique("stages");
        client.createSecret(r -> r.name(name).secretString("secret_string_v0"));
        PutSecretValueResponse custom = client.putSecretValue(r -> r.secretId(name).secretString("secret_string_v1")
                .versionStages("SAMPLESTAGE1", "SAMPLESTAGE0").clientRequestToken(UUID.randomUUID().toString()));
        assertThat(custom.versionStages()).containsExactly("SAMPLESTAGE0", "SAMPLESTAGE1");
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("secret_string_v0");
        PutSecretValueResponse pending = client.putSecretValue(r -> r.secretId(name).secretString("secret_string_v3").versionStages("AWSPENDING"));
        assertThat(pending.versionStages()).containsExactly("AWSPENDING");
        assertThat(client.getSecretValue(r -> r.secretId(name).versionStage("AWSPENDING")).secretString()).isEqualTo("secret_string_v3");

        client.updateSecretVersionStage(r -> r.secretId(name).versionStage("AWSCURRENT").moveToVersionId(pending.versionId())
                .removeFromVersionId(client.getSecretValue(g -> g.secretId(name)).versionId()));
        GetSecretValueResponse current = client.getSecretValue(r -> r.secretId(name));
        assertThat(current.versionStages()).containsExactly("AWSCURRENT", "AWSPENDING");
        ListSecretVersionIdsResponse versions = client.listSecretVersionIds(r -> r.secretId(name).includeDeprecated(true));
        assertThat(versions.versions()).extracting(SecretVersionsListEntry::kmsKeyIds).allSatisfy(keys -> assertThat(keys).containsExactly("DefaultEncryptionKey"));
    }

    @Test
    void clientRequestTokenIdempotency() {
        String name = unique("idempotent");
        client.createSecret(r -> r.name(name).secretString("v0"));
        String token = UUID.randomUUID().toString();
        client.putSecretValue(r -> r.secretId(name).secretString("v1").clientRequestToken(token));
        PutSecretValueResponse retried = client.putSecretValue(r -> r.secretId(name).secretString("v1").clientRequestToken(token));
        assertThat(retried.versionId()).isEqualTo(token);
        assertError(() -> client.putSecretValue(r -> r.secretId(name).secretString("other").clientRequestToken(token)),
                "ResourceExistsException", "You can't modify an existing version, you can only create new versions.");
    }

    @Test
    void getSecretValueErrorsAsRecorded() {
        String name = unique("errors");
        CreateSecretResponse created = client.createSecret(r -> r.name(name).secretString("test"));
        assertError(() -> client.getSecretValue(r -> r.secretId(created.arn()).versionStage("AWSPREVIOUS")), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS");
        assertError(() -> client.getSecretValue(r -> r.secretId(name).versionId(created.versionId()).versionStage("AWSPREVIOUS")),
                "InvalidRequestException", "You provided a VersionStage that is not associated to the provided VersionId.");
    }

    @Test
    void binaryValuesReadAsBytesThroughTheSdkAndAsBase64OverHttpAsRecorded() throws Exception {
        String name = unique("binary");
        client.createSecret(r -> r.name(name).secretBinary(SdkBytes.fromUtf8String("footest")));
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretBinary().asUtf8String()).isEqualTo("footest");

        String body = "{\"SecretId\":\"" + name + "\"}";
        HttpResponse<String> response = SignedRequests.send(SignedRequests.sign(server.endpoint(), server.resolvedAdminCredentials(),
                "secretsmanager", "secretsmanager.GetSecretValue", "application/x-amz-json-1.1", body, Clock.systemUTC()), body);
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.path("SecretBinary").asText()).isEqualTo("Zm9vdGVzdA==");
        assertThat(json.has("SecretString")).isFalse();
    }

    @Test
    void batchGetSecretValueByIdsAndByFilters() {
        String prefix = unique("batch");
        client.createSecret(r -> r.name(prefix + "/a").secretString("A"));
        client.createSecret(r -> r.name(prefix + "/b").secretString("B"));
        BatchGetSecretValueResponse byIds = client.batchGetSecretValue(r -> r.secretIdList(prefix + "/a", prefix + "/missing"));
        assertThat(byIds.secretValues()).singleElement().satisfies(v -> assertThat(v.secretString()).isEqualTo("A"));
        assertThat(byIds.errors()).singleElement().satisfies(e -> {
            assertThat(e.secretId()).isEqualTo(prefix + "/missing");
            assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
        });
        BatchGetSecretValueResponse byFilter = client.batchGetSecretValue(r -> r.filters(
                Filter.builder().key(FilterNameStringType.NAME).values(prefix).build()).maxResults(1));
        assertThat(byFilter.secretValues()).hasSize(1);
        assertThat(byFilter.nextToken()).isNotNull();
    }

    @Test
    void theAuditTrailNeverHoldsSecretValues() {
        String name = unique("audited");
        client.createSecret(r -> r.name(name).secretString("audit-me-not"));
        client.getSecretValue(r -> r.secretId(name));
        assertThat(server.auditRecords()).isNotEmpty().allSatisfy(record -> assertThat(record.toString()).doesNotContain("audit-me-not"));
    }

    @Test
    void aReplicaIsReadableInItsRegion() {
        String name = unique("replicated");
        client.createSecret(r -> r.name(name).secretString("everywhere"));
        assertThat(client.replicateSecretToRegions(r -> r.secretId(name).addReplicaRegions(ReplicaRegionType.builder().region("eu-west-1").build()))
                .replicationStatus()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(StatusType.IN_SYNC));
        try (SecretsManagerClient europe = SecretsManagerClient.builder().endpointOverride(server.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(server.adminCredentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(europe.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("everywhere");
        }
    }
}
