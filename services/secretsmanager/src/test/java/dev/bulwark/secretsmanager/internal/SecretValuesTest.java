package dev.bulwark.secretsmanager.internal;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secretsmanager.testing.FakeKms;
import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

class SecretValuesTest {
    private final SecretsTestKit kit = new SecretsTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private CreateSecretResponse create(String name, String value) {
        return kit.call(CreateSecretRequest.builder().name(name).secretString(value).clientRequestToken(token()).build());
    }

    private GetSecretValueResponse get(String secretId) {
        return kit.call(GetSecretValueRequest.builder().secretId(secretId).build());
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aCreatedSecretReadsBackAsAwscurrentByNameFullArnAndPartialArn() {
        CreateSecretResponse created = create("db/password", "s3cr3t");

        assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:111122223333:secret:db/password-[A-Za-z0-9]{6}");
        for (String id : new String[] {"db/password", created.arn(), created.arn().substring(0, created.arn().length() - 7)}) {
            GetSecretValueResponse value = get(id);
            assertThat(value.secretString()).isEqualTo("s3cr3t");
            assertThat(value.versionId()).isEqualTo(created.versionId());
            assertThat(value.versionStages()).containsExactly("AWSCURRENT");
            assertThat(value.arn()).isEqualTo(created.arn());
        }
    }

    @Test
    void valuesAreEncryptedWithADataKeyBoundToTheSecretArnAndVersion() {
        CreateSecretResponse created = create("api-key", "value");
        get("api-key");

        FakeKms.Call generate = kit.kms.calls().get(0);
        assertThat(generate.operation()).isEqualTo("GenerateDataKey");
        assertThat(generate.keyId()).isEqualTo("alias/aws/secretsmanager");
        assertThat(generate.viaService()).isEqualTo("secretsmanager");
        assertThat(generate.context()).isEqualTo(Map.of("SecretARN", created.arn(), "SecretVersionId", created.versionId()));
        assertThat(kit.kms.calls().get(1).operation()).isEqualTo("Decrypt");
        assertThat(kit.kms.calls().get(1).context()).isEqualTo(generate.context());
    }

    @Test
    void aPartialArnOfANameEndingLikeASuffixFindsNothingAsInAws() {
        CreateSecretResponse created = create("Invalid/_+=.@-Name-a1b2c3", "v");

        assertAwsError(() -> get(created.arn().substring(0, created.arn().length() - 7)), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.");
        assertThat(get("Invalid/_+=.@-Name-a1b2c3").secretString()).isEqualTo("v");
    }

    @Test
    void binaryValuesRoundTrip() {
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        kit.call(CreateSecretRequest.builder().name("bin").secretBinary(SdkBytes.fromByteArray(bytes)).clientRequestToken(token()).build());

        GetSecretValueResponse value = get("bin");
        assertThat(value.secretBinary().asByteArray()).isEqualTo(bytes);
        assertThat(value.secretString()).isNull();
    }

    @Test
    void putSecretValueMovesAwscurrentAndTheOldVersionBecomesAwsprevious() {
        CreateSecretResponse created = create("s", "v1");
        PutSecretValueResponse put = kit.call(PutSecretValueRequest.builder().secretId("s").secretString("v2").clientRequestToken(token()).build());

        assertThat(put.versionStages()).containsExactly("AWSCURRENT");
        DescribeSecretResponse described = kit.call(DescribeSecretRequest.builder().secretId("s").build());
        assertThat(described.versionIdsToStages()).isEqualTo(Map.of(
                created.versionId(), java.util.List.of("AWSPREVIOUS"), put.versionId(), java.util.List.of("AWSCURRENT")));
        assertThat(get("s").secretString()).isEqualTo("v2");
        assertThat(kit.<GetSecretValueResponse>call(GetSecretValueRequest.builder().secretId("s").versionStage("AWSPREVIOUS").build())
                .secretString()).isEqualTo("v1");
    }

    @Test
    void theSameClientRequestTokenWithTheSameValueIsARetryAndWithAnotherValueIsRefused() {
        create("s", "v1");
        String token = token();
        PutSecretValueRequest put = PutSecretValueRequest.builder().secretId("s").secretString("v2").clientRequestToken(token).build();
        kit.call(put);
        PutSecretValueResponse retried = kit.call(put);

        assertThat(retried.versionId()).isEqualTo(token);
        assertThat(retried.versionStages()).containsExactly("AWSCURRENT");
        assertAwsError(() -> kit.call(put.toBuilder().secretString("other").build()), "ResourceExistsException",
                "You can't modify an existing version, you can only create new versions.");
        assertThat(get("s").secretString()).isEqualTo("v2");
    }

    @Test
    void aRetriedCreateSecretSucceedsAndAnotherCreateOfTheNameFails() {
        String token = token();
        CreateSecretRequest request = CreateSecretRequest.builder().name("s").secretString("v").clientRequestToken(token).build();
        CreateSecretResponse first = kit.call(request);
        CreateSecretResponse again = kit.call(request);

        assertThat(again.arn()).isEqualTo(first.arn());
        assertAwsError(() -> create("s", "v"), "ResourceExistsException", "The operation failed because the secret s already exists.");
    }

    @Test
    void getSecretValueErrorsReadAsAwsRecordedThem() {
        CreateSecretResponse created = create("s", "test");
        kit.call(CreateSecretRequest.builder().name("empty").build());
        String unknownVersion = token();

        assertAwsError(() -> kit.call(GetSecretValueRequest.builder().secretId("s").versionStage("AWSPREVIOUS").build()),
                "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS");
        assertAwsError(() -> kit.call(GetSecretValueRequest.builder().secretId("s").versionId(created.versionId())
                .versionStage("AWSPREVIOUS").build()), "InvalidRequestException",
                "You provided a VersionStage that is not associated to the provided VersionId.");
        assertAwsError(() -> get("empty"), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
        assertAwsError(() -> kit.call(GetSecretValueRequest.builder().secretId("empty").versionId(unknownVersion).build()),
                "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for VersionId: " + unknownVersion);
        assertAwsError(() -> get("missing"), "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        assertAwsError(() -> get("Inv Name"), "ValidationException",
                "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
    }

    @Test
    void valueLimitsAndMissingTokensAreRefusedAsAws() {
        String tooLong = "x".repeat(65537);
        assertAwsError(() -> create("s", tooLong), "ValidationException",
                "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536");
        assertAwsError(() -> kit.call(CreateSecretRequest.builder().name("s").secretString("v").build()), "InvalidRequestException",
                "You must provide a ClientRequestToken value. We recommend a UUID-type value.");
        assertAwsError(() -> kit.call(CreateSecretRequest.builder().name("s").secretString("v").secretBinary(SdkBytes.fromUtf8String("b"))
                .clientRequestToken(token()).build()), "InvalidParameterException",
                "You can't specify both a binary secret value and a string secret value in the same secret.");
        create("max", "y".repeat(65536));
        assertThat(get("max").secretString()).hasSize(65536);
    }

    @Test
    void updateSecretWithAValueMakesANewCurrentVersionAndWithoutOneOnlyChangesMetadata() {
        create("s", "v1");
        UpdateSecretResponse described = kit.call(UpdateSecretRequest.builder().secretId("s").description("d").build());
        assertThat(described.versionId()).isNull();
        UpdateSecretResponse valued = kit.call(UpdateSecretRequest.builder().secretId("s").secretString("v2").clientRequestToken(token()).build());

        assertThat(get("s").versionId()).isEqualTo(valued.versionId());
        assertThat(kit.<DescribeSecretResponse>call(DescribeSecretRequest.builder().secretId("s").build()).description()).isEqualTo("d");
    }

    @Test
    void changingTheKeyReencryptsLabelledVersionsUnderIt() {
        kit.kms.createAlias("us-east-1", "alias/mine");
        create("s", "v1");
        kit.call(UpdateSecretRequest.builder().secretId("s").kmsKeyId("alias/mine").build());

        assertThat(get("s").secretString()).isEqualTo("v1");
        assertThat(kit.kms.calls().stream().filter(c -> c.operation().equals("Decrypt")).reduce((a, b) -> b).orElseThrow().keyId())
                .isEqualTo(FakeKms.arn("us-east-1", "alias/mine"));
        DescribeSecretResponse described = kit.call(DescribeSecretRequest.builder().secretId("s").build());
        assertThat(described.kmsKeyId()).isEqualTo("alias/mine");
    }

    @Test
    void kmsRefusalsReachTheCaller() {
        create("s", "v");
        kit.kms.denyDecrypt(true);
        assertAwsError(() -> get("s"), "AccessDeniedException", "Access to KMS is not allowed");
        kit.kms.denyDecrypt(false);
        kit.kms.disable("us-east-1", "alias/aws/secretsmanager");
        assertAwsError(() -> get("s"), "DecryptionFailure",
                FakeKms.arn("us-east-1", "alias/aws/secretsmanager") + " is disabled.");
    }

    @Test
    void lastAccessedDateIsTheDayOfTheLastRead() {
        create("s", "v");
        DescribeSecretResponse before = kit.call(DescribeSecretRequest.builder().secretId("s").build());
        assertThat(before.lastAccessedDate()).isNull();
        kit.clock.advance(Duration.ofHours(20));
        get("s");

        DescribeSecretResponse after = kit.call(DescribeSecretRequest.builder().secretId("s").build());
        assertThat(after.lastAccessedDate()).isEqualTo(java.time.Instant.parse("2026-01-16T00:00:00Z"));
    }

    @Test
    void theStoreHoldsNoPlaintextValue() {
        create("s", "very-distinctive-plaintext");
        byte[] needle = "very-distinctive-plaintext".getBytes(StandardCharsets.UTF_8);
        kit.store.read(tx -> {
            tx.list(SecretsSchema.VERSIONS, "111122223333/us-east-1", "", "", 100).records().forEach(record ->
                    assertThat(new String(record.document(), StandardCharsets.UTF_8)).doesNotContain("very-distinctive"));
            return null;
        });
        assertThat(needle).isNotEmpty();
    }
}
