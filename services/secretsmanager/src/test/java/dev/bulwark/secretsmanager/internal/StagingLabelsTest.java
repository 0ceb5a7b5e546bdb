package dev.bulwark.secretsmanager.internal;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;

/** Staging label moves, following the scenarios recorded against AWS (test_secretsmanager.snapshot.json). */
class StagingLabelsTest {
    private final SecretsTestKit kit = new SecretsTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private String create(String value) {
        CreateSecretResponse created = kit.call(CreateSecretRequest.builder().name("s").secretString(value)
                .clientRequestToken(UUID.randomUUID().toString()).build());
        return created.versionId();
    }

    private PutSecretValueResponse put(String value, String... stages) {
        PutSecretValueRequest.Builder request = PutSecretValueRequest.builder().secretId("s").secretString(value)
                .clientRequestToken(UUID.randomUUID().toString());
        if (stages.length > 0) {
            request.versionStages(stages);
        }
        return kit.call(request.build());
    }

    private void move(String stage, String from, String to) {
        kit.call(UpdateSecretVersionStageRequest.builder().secretId("s").versionStage(stage).removeFromVersionId(from).moveToVersionId(to).build());
    }

    private Map<String, List<String>> versions(boolean includeDeprecated) {
        ListSecretVersionIdsResponse listed = kit.call(ListSecretVersionIdsRequest.builder().secretId("s").includeDeprecated(includeDeprecated).build());
        return listed.versions().stream().collect(Collectors.toMap(SecretVersionsListEntry::versionId,
                v -> v.hasVersionStages() ? v.versionStages() : List.of()));
    }

    @Test
    void customStagesCycle1() {
        String v0 = create("S1");
        String v1 = put("S2", "AWSSOMETHING", "AWSPENDING", "PUT1").versionId();
        assertThat(versions(false)).isEqualTo(Map.of(v0, List.of("AWSCURRENT"), v1, List.of("AWSPENDING", "AWSSOMETHING", "PUT1")));

        move("AWSCURRENT", v0, v1);
        assertThat(versions(false)).isEqualTo(Map.of(v0, List.of("AWSPREVIOUS"), v1, List.of("AWSCURRENT", "AWSPENDING", "AWSSOMETHING", "PUT1")));

        String v2 = put("S3", "AWSPENDING", "PUT2").versionId();
        assertThat(versions(false)).isEqualTo(Map.of(v0, List.of("AWSPREVIOUS"), v1, List.of("AWSCURRENT", "AWSSOMETHING", "PUT1"),
                v2, List.of("AWSPENDING", "PUT2")));

        move("AWSCURRENT", v1, v2);
        assertThat(versions(false)).isEqualTo(Map.of(v1, List.of("AWSPREVIOUS", "AWSSOMETHING", "PUT1"),
                v2, List.of("AWSCURRENT", "AWSPENDING", "PUT2")));
        GetSecretValueResponse current = kit.call(GetSecretValueRequest.builder().secretId("s").build());
        assertThat(current.secretString()).isEqualTo("S3");
    }

    @Test
    void customStagesCycle2WhereAwscurrentIsPutExplicitly() {
        String v = create("SS");
        PutSecretValueResponse put0 = put("S1", "AWSCURRENT", "PUT0");
        assertThat(versions(false)).isEqualTo(Map.of(v, List.of("AWSPREVIOUS"), put0.versionId(), List.of("AWSCURRENT", "PUT0")));
        String v1 = put("S2", "AWSPENDING", "PUT1").versionId();
        move("AWSCURRENT", put0.versionId(), v1);
        String v2 = put("S3", "AWSPENDING", "PUT2").versionId();
        move("AWSCURRENT", v1, v2);

        assertThat(versions(false)).isEqualTo(Map.of(put0.versionId(), List.of("PUT0"), v1, List.of("AWSPREVIOUS", "PUT1"),
                v2, List.of("AWSCURRENT", "AWSPENDING", "PUT2")));
    }

    @Test
    void aLabelMovedAwayFromEveryLabelOfAVersionLeavesItDeprecated() {
        String v0 = create("S0");
        String v1 = put("S1", "one", "two", "three").versionId();
        String v2 = put("S2", "one", "two", "three", "four").versionId();

        assertThat(versions(false)).isEqualTo(Map.of(v0, List.of("AWSCURRENT"), v2, List.of("four", "one", "three", "two")));
        assertThat(versions(true)).containsEntry(v1, List.of());
    }

    @Test
    void removingACustomLabelAndMovingAwscurrentToAVersionWithOtherLabels() {
        String v1 = create("SS");
        String v2 = put("S1", "PENDING").versionId();
        move("AWSCURRENT", v1, v2);
        kit.call(UpdateSecretVersionStageRequest.builder().secretId("s").versionStage("PENDING").removeFromVersionId(v2).build());

        assertThat(versions(false)).isEqualTo(Map.of(v1, List.of("AWSPREVIOUS"), v2, List.of("AWSCURRENT")));
    }

    @Test
    void deprecatedVersionsAreListedOnlyWithIncludeDeprecated() {
        String v1 = create("original");
        String v2 = put("update1").versionId();
        String v3 = put("update2").versionId();

        assertThat(versions(false).keySet()).containsExactlyInAnyOrder(v2, v3);
        assertThat(versions(true).keySet()).containsExactlyInAnyOrder(v1, v2, v3);
    }

    @Test
    void updateSecretVersionStageRefusesAmbiguousMoves() {
        String v1 = create("a");
        String v2 = put("b", "AWSPENDING").versionId();

        assertAwsError(() -> kit.call(UpdateSecretVersionStageRequest.builder().secretId("s").versionStage("AWSCURRENT").moveToVersionId(v2).build()),
                "InvalidParameterException", "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version "
                        + v1 + ", so you must explicitly reference that version in RemoveFromVersionId.");
        assertAwsError(() -> kit.call(UpdateSecretVersionStageRequest.builder().secretId("s").versionStage("AWSCURRENT").removeFromVersionId(v1).build()),
                "InvalidParameterException", "You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed.");
        assertThat(versions(false)).isEqualTo(Map.of(v1, List.of("AWSCURRENT"), v2, List.of("AWSPENDING")));
    }

    @Test
    void aSecretHoldsAtMostTwentyLabels() {
        create("a");
        String[] twenty = new String[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = "L" + i;
        }
        assertAwsError(() -> put("b", twenty), "LimitExceededException",
                "A secret can have at most 20 staging labels attached across all of its versions.");
    }
}
