package dev.bulwark.secretsmanager.internal;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

class SecretDeletionTest {
    private static final String MARKED = "You can't perform this operation on the secret because it was marked for deletion.";

    private final SecretsTestKit kit = new SecretsTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private CreateSecretResponse create(String name) {
        return kit.call(CreateSecretRequest.builder().name(name).secretString("v").clientRequestToken(UUID.randomUUID().toString()).build());
    }

    private DeleteSecretResponse delete(DeleteSecretRequest.Builder request) {
        return kit.call(request.build());
    }

    @Test
    void aSecretMarkedForDeletionCanOnlyBeDescribedRestoredOrDeletedAndIsPurgedByItsJobAfterTheWindow() {
        CreateSecretResponse created = create("s");
        DeleteSecretResponse deleted = delete(DeleteSecretRequest.builder().secretId("s").recoveryWindowInDays(7L));

        assertThat(deleted.deletionDate()).isEqualTo(Instant.parse("2026-01-22T10:00:00Z"));
        DescribeSecretResponse described = kit.call(DescribeSecretRequest.builder().secretId("s").build());
        assertThat(described.deletedDate()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
        assertAwsError(() -> kit.call(GetSecretValueRequest.builder().secretId("s").build()), "InvalidRequestException", MARKED);
        assertAwsError(() -> kit.call(TagResourceRequest.builder().secretId(created.arn()).tags(Tag.builder().key("k").value("v").build()).build()),
                "InvalidRequestException", MARKED);
        assertAwsError(() -> create("s"), "InvalidRequestException",
                "You can't create this secret because a secret with this name is already scheduled for deletion.");
        assertThat(kit.<ListSecretsResponse>call(ListSecretsRequest.builder().build()).secretList()).isEmpty();
        assertThat(kit.<ListSecretsResponse>call(ListSecretsRequest.builder().includePlannedDeletion(true).build()).secretList()).hasSize(1);

        kit.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(kit.<DescribeSecretResponse>call(DescribeSecretRequest.builder().secretId("s").build()).arn()).isEqualTo(created.arn());
        kit.advance(Duration.ofSeconds(1));
        assertAwsError(() -> kit.call(DescribeSecretRequest.builder().secretId("s").build()), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.");
        CreateSecretResponse again = create("s");
        assertThat(again.arn()).isNotEqualTo(created.arn());
    }

    @Test
    void restoreCancelsTheDeletion() {
        create("s");
        delete(DeleteSecretRequest.builder().secretId("s"));
        kit.call(RestoreSecretRequest.builder().secretId("s").build());
        kit.advance(Duration.ofDays(31));

        GetSecretValueResponse value = kit.call(GetSecretValueRequest.builder().secretId("s").build());
        assertThat(value.secretString()).isEqualTo("v");
        assertThat(kit.<DescribeSecretResponse>call(DescribeSecretRequest.builder().secretId("s").build()).deletedDate()).isNull();
    }

    @Test
    void forceDeleteRemovesAtOnceEvenASecretAlreadyMarked() {
        create("s");
        delete(DeleteSecretRequest.builder().secretId("s"));
        DeleteSecretResponse forced = delete(DeleteSecretRequest.builder().secretId("s").forceDeleteWithoutRecovery(true));

        assertThat(forced.deletionDate()).isEqualTo(kit.clock.instant());
        assertAwsError(() -> kit.call(DescribeSecretRequest.builder().secretId("s").build()), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.");
        DeleteSecretResponse missing = delete(DeleteSecretRequest.builder().secretId("never-existed").forceDeleteWithoutRecovery(true));
        assertThat(missing.name()).isEqualTo("never-existed");
        assertThat(missing.arn()).startsWith("arn:aws:secretsmanager:us-east-1:111122223333:secret:never-existed-");
    }

    @Test
    void deleteSecretParametersAreCheckedAsAws() {
        create("s");
        assertAwsError(() -> delete(DeleteSecretRequest.builder().secretId("s").recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)),
                "InvalidParameterException", "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        assertAwsError(() -> delete(DeleteSecretRequest.builder().secretId("s").recoveryWindowInDays(6L)),
                "InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        assertAwsError(() -> delete(DeleteSecretRequest.builder().secretId("s").recoveryWindowInDays(31L)),
                "InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        assertAwsError(() -> delete(DeleteSecretRequest.builder().secretId("missing")), "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.");
    }
}
