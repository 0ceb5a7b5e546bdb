package dev.bulwark.testing.secretsmanager;

import static dev.bulwark.testing.secretsmanager.SecretsManagerErrors.assertError;
import static dev.bulwark.testing.secretsmanager.SecretsManagerErrors.assertErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.testing.BulwarkTestServer;
import dev.bulwark.testing.SignedRequests;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;

/**
 * Secrets Manager through the AWS SDK for Java v2 against an in-process server: the operations and
 * errors that need no secret value (so no KMS), checked against the responses recorded from AWS
 * (reference/aws-recorded/test_secretsmanager.snapshot.json).
 */
class SecretsManagerEndToEndTest {
    private static final String INVALID_NAME =
            "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!";
    private static final String MARKED = "You can't perform this operation on the secret because it was marked for deletion.";
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
    void aSecretWithoutValueHasNoVersionAsRecorded() {
        String name = unique("test-version");
        CreateSecretResponse created = client.createSecret(r -> r.name(name).description(""));

        assertThat(created.versionId()).isNull();
        assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:111122223333:secret:" + name + "-[A-Za-z0-9]{6}");
        DescribeSecretResponse described = client.describeSecret(r -> r.secretId(created.arn()));
        assertThat(described.name()).isEqualTo(name);
        assertThat(described.description()).isNull();
        assertThat(described.hasVersionIdsToStages()).isFalse();
        assertThat(described.createdDate()).isNotNull();
        assertThat(described.lastChangedDate()).isNotNull();
        assertThat(described.hasTags()).isFalse();
        assertError(() -> client.getSecretValue(r -> r.secretId(name)), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
    }

    @Test
    void tagsAsRecorded() {
        String arn = client.createSecret(r -> r.name(unique("tags"))).arn();
        client.tagResource(r -> r.secretId(arn).tags(Tag.builder().key("tag1").value("value1").build()));
        client.tagResource(r -> r.secretId(arn).tags(Tag.builder().key("tag2").value("value2").build()));
        assertThat(client.describeSecret(r -> r.secretId(arn)).tags()).extracting(Tag::key).containsExactly("tag1", "tag2");
        client.untagResource(r -> r.secretId(arn).tagKeys("tag1"));
        client.untagResource(r -> r.secretId(arn).tagKeys("tag2"));

        DescribeSecretResponse untagged = client.describeSecret(r -> r.secretId(arn));
        assertThat(untagged.hasTags()).isTrue();
        assertThat(untagged.tags()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Inv Name", " Inv Name", " Inv*Name? ", " Inv *?!]Name\\-"})
    void invalidNamesAreRefusedByEveryOperationAsRecorded(String name) {
        List<ThrowingCallable> calls = List.of(
                () -> client.createSecret(r -> r.name(name).secretString("MySecretString")),
                () -> client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true)),
                () -> client.describeSecret(r -> r.secretId(name)),
                () -> client.getSecretValue(r -> r.secretId(name)),
                () -> client.listSecretVersionIds(r -> r.secretId(name).includeDeprecated(true)),
                () -> client.putSecretValue(r -> r.secretId(name).secretString("MySecretString")),
                () -> client.tagResource(r -> r.secretId(name).tags(Tag.builder().key("FirstTag").value("SomeValue").build())),
                () -> client.untagResource(r -> r.secretId(name).tagKeys("FirstTag")),
                () -> client.updateSecret(r -> r.secretId(name).description("MyNewDescription")),
                () -> client.validateResourcePolicy(r -> r.secretId(name).resourcePolicy(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
                                + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}")));
        for (ThrowingCallable call : calls) {
            assertError(call, "ValidationException", INVALID_NAME);
        }
    }

    @Test
    void missingSecretsAsRecorded() {
        assertError(() -> client.getSecretValue(r -> r.secretId(unique("s"))), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.");
        assertError(() -> client.listSecretVersionIds(r -> r.secretId(unique("s"))), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.");
    }

    @Test
    void anExistingNameAndANameScheduledForDeletionAsRecorded() {
        String name = unique("exists");
        client.createSecret(r -> r.name(name));
        assertError(() -> client.createSecret(r -> r.name(name)), "ResourceExistsException",
                "The operation failed because the secret " + name + " already exists.");

        DeleteSecretResponse deleted = client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L));
        assertThat(deleted.deletionDate()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
        assertError(() -> client.createSecret(r -> r.name(name)), "InvalidRequestException",
                "You can't create this secret because a secret with this name is already scheduled for deletion.");
        assertError(() -> client.tagResource(r -> r.secretId(name).tags(Tag.builder().key("new-tag").value("new-value").build())),
                "InvalidRequestException", MARKED);
        assertError(() -> client.untagResource(r -> r.secretId(name).tagKeys("initial-tag")), "InvalidRequestException", MARKED);
        assertThat(client.describeSecret(r -> r.secretId(name)).deletedDate()).isNotNull();

        client.restoreSecret(r -> r.secretId(name));
        assertThat(client.describeSecret(r -> r.secretId(name)).deletedDate()).isNull();
        client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
        assertErrorCode(() -> client.describeSecret(r -> r.secretId(name)), "ResourceNotFoundException");
        client.createSecret(r -> r.name(name));
    }

    @Test
    void deleteSecretParameterRules() {
        String name = unique("delete");
        client.createSecret(r -> r.name(name));
        assertError(() -> client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(10L).forceDeleteWithoutRecovery(true)),
                "InvalidParameterException", "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        assertError(() -> client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(3L)),
                "InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        DeleteSecretResponse missing = client.deleteSecret(r -> r.secretId(unique("never")).forceDeleteWithoutRecovery(true));
        assertThat(missing.arn()).isNotNull();
        assertThat(missing.deletionDate()).isNotNull();
    }

    @Test
    void listSecretsFiltersAndPagesThroughTheSdkPaginator() {
        String prefix = unique("list");
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.createSecret(r -> r.name(prefix + "/" + n).description(n % 2 == 0 ? "even secret" : "odd secret"));
        }
        List<String> all = client.listSecretsPaginator(r -> r.maxResults(2).filters(Filter.builder().key(FilterNameStringType.NAME)
                .values(prefix).build())).stream().flatMap(page -> page.secretList().stream()).map(SecretListEntry::name).toList();
        assertThat(all).containsExactly(prefix + "/0", prefix + "/1", prefix + "/2", prefix + "/3", prefix + "/4");
        ListSecretsResponse even = client.listSecrets(r -> r.filters(Filter.builder().key(FilterNameStringType.NAME).values(prefix).build(),
                Filter.builder().key(FilterNameStringType.DESCRIPTION).values("EVEN").build()));
        assertThat(even.secretList()).extracting(SecretListEntry::name).containsExactly(prefix + "/0", prefix + "/2", prefix + "/4");
    }

    @Test
    void getRandomPasswordHonoursEveryOption() {
        GetRandomPasswordResponse defaults = client.getRandomPassword(r -> { });
        assertThat(defaults.randomPassword()).hasSize(32);
        GetRandomPasswordResponse excluded = client.getRandomPassword(r -> r.passwordLength(120L).excludeCharacters("xyzDje@?!."));
        assertThat(excluded.randomPassword()).hasSize(120).doesNotContainPattern("[xyzDje@?!.]");
        GetRandomPasswordResponse lettersAndSpaces = client.getRandomPassword(r -> r.passwordLength(200L).excludeNumbers(true)
                .excludePunctuation(true).excludeUppercase(true).includeSpace(true));
        assertThat(lettersAndSpaces.randomPassword()).matches("[a-z ]{200}");
        assertError(() -> client.getRandomPassword(r -> r.passwordLength(4097L)), "ValidationException",
                "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096");
    }

    @Test
    void resourcePoliciesAsRecorded() {
        String name = unique("policy");
        client.createSecret(r -> r.name(name));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
        client.putResourcePolicy(r -> r.secretId(name).resourcePolicy(policy));
        assertThat(client.getResourcePolicy(r -> r.secretId(name)).resourcePolicy()).isEqualTo(policy);
        assertErrorCode(() -> client.putResourcePolicy(r -> r.secretId(name).resourcePolicy(policy).blockPublicPolicy(true)),
                "PublicPolicyException");
        ValidateResourcePolicyResponse validated = client.validateResourcePolicy(r -> r.resourcePolicy(policy));
        assertThat(validated.policyValidationPassed()).isFalse();
        client.deleteResourcePolicy(r -> r.secretId(name));
        assertThat(client.getResourcePolicy(r -> r.secretId(name)).resourcePolicy()).isNull();
    }

    @Test
    void rotationNeedsAFunctionItCanInvokeAsRecorded() {
        String name = unique("rotate");
        client.createSecret(r -> r.name(name));
        assertError(() -> client.rotateSecret(r -> r.secretId(name).rotationRules(rules -> rules.automaticallyAfterDays(1L))),
                "InvalidRequestException", "No Lambda rotation function ARN is associated with this secret.");
        assertError(() -> client.rotateSecret(r -> r.secretId(name).rotationRules(rules -> rules.automaticallyAfterDays(1L))
                        .rotationLambdaARN("arn:aws:lambda:us-east-1:111122223333:function:rotate_secret_invalid_lambda_arn")),
                "AccessDeniedException", "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function"
                        + " policy grants access to the principal secretsmanager.amazonaws.com.");
        DescribeSecretResponse described = client.describeSecret(r -> r.secretId(name));
        assertThat(described.rotationEnabled()).isNull();
        assertThat(described.rotationLambdaARN()).isNull();
        assertThat(described.rotationRules()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CreateSecret", "UpdateSecret", "RotateSecret", "PutSecretValue"})
    void aRawRequestWithoutClientRequestTokenIsRefusedAsRecorded(String operation) throws Exception {
        String name = unique("raw");
        String body = "{\"SecretString\":\"thisisthesecret\",\"Description\":\"My secret string\",\""
                + (operation.equals("CreateSecret") ? "Name" : "SecretId") + "\":\"" + name + "\"}";
        if (!operation.equals("CreateSecret")) {
            client.createSecret(r -> r.name(name));
        }
        HttpResponse<String> response = SignedRequests.send(SignedRequests.sign(server.endpoint(), server.resolvedAdminCredentials(),
                "secretsmanager", "secretsmanager." + operation, "application/x-amz-json-1.1", body, Clock.systemUTC()), body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo(operation.equals("RotateSecret") ? "InvalidParameterException" : "InvalidRequestException");
        assertThat(error.path("message").asText()).isEqualTo("You must provide a ClientRequestToken value. We recommend a UUID-type value.");
    }
}
