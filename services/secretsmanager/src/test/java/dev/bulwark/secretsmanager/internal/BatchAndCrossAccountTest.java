package dev.bulwark.secretsmanager.internal;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.call.Caller;
import dev.bulwark.secretsmanager.testing.FakeKms;
import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

class BatchAndCrossAccountTest {
    private static final String SHARED_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},
            "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";

    private final SecretsTestKit kit = new SecretsTestKit();
    private final Caller otherAccount = kit.caller(SecretsTestKit.OTHER_ACCOUNT, SecretsTestKit.REGION);

    @AfterEach
    void close() {
        kit.close();
    }

    private CreateSecretResponse create(String name, String value, String kmsKeyId) {
        return kit.call(CreateSecretRequest.builder().name(name).secretString(value).kmsKeyId(kmsKeyId)
                .clientRequestToken(UUID.randomUUID().toString()).build());
    }

    @Test
    void batchGetReturnsValuesAndPerSecretErrors() {
        create("app/a", "A", null);
        create("app/b", "B", null);
        BatchGetSecretValueResponse byIds = kit.call(BatchGetSecretValueRequest.builder().secretIdList("app/a", "app/missing", "Bad Name").build());

        assertThat(byIds.secretValues()).extracting(SecretValueEntry::secretString).containsExactly("A");
        assertThat(byIds.errors()).extracting(APIErrorType::secretId, APIErrorType::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app/missing", "ResourceNotFoundException"),
                        org.assertj.core.groups.Tuple.tuple("Bad Name", "ValidationException"));

        BatchGetSecretValueResponse first = kit.call(BatchGetSecretValueRequest.builder()
                .filters(Filter.builder().key(FilterNameStringType.NAME).values("app/").build()).maxResults(1).build());
        BatchGetSecretValueResponse second = kit.call(BatchGetSecretValueRequest.builder()
                .filters(Filter.builder().key(FilterNameStringType.NAME).values("app/").build()).maxResults(1).nextToken(first.nextToken()).build());
        assertThat(first.secretValues()).extracting(SecretValueEntry::secretString).containsExactly("A");
        assertThat(second.secretValues()).extracting(SecretValueEntry::secretString).containsExactly("B");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void batchGetNeedsIdsOrFiltersButNotBoth() {
        assertAwsError(() -> kit.call(BatchGetSecretValueRequest.builder().build()), "InvalidParameterException",
                "Either 'SecretIdList' or 'Filters' must be provided, but not both.");
        assertAwsError(() -> kit.call(BatchGetSecretValueRequest.builder().secretIdList("a").maxResults(5).build()),
                "InvalidParameterException", "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
    }

    @Test
    void anotherAccountReadsASharedSecretByArnOnlyUnderACustomerKey() {
        kit.kms.createAlias("us-east-1", "alias/shared");
        CreateSecretResponse shared = create("shared", "for-partners", "alias/shared");
        CreateSecretResponse defaultKey = create("default-key", "mine", null);
        kit.call(PutResourcePolicyRequest.builder().secretId("shared").resourcePolicy(SHARED_POLICY).build());
        kit.call(PutResourcePolicyRequest.builder().secretId("default-key").resourcePolicy(SHARED_POLICY).build());

        GetSecretValueResponse value = kit.call(otherAccount, GetSecretValueRequest.builder().secretId(shared.arn()).build());
        assertThat(value.secretString()).isEqualTo("for-partners");
        assertThat(kit.kms.calls().getLast().keyId()).isEqualTo(FakeKms.arn("us-east-1", "alias/shared"));
        assertAwsError(() -> kit.call(otherAccount, GetSecretValueRequest.builder().secretId(defaultKey.arn()).build()),
                "InvalidRequestException",
                "You can't access a secret from a different AWS account if you encrypt the secret with the default KMS service key.");
        assertAwsError(() -> kit.call(otherAccount, GetSecretValueRequest.builder().secretId("shared").build()),
                "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }
}
