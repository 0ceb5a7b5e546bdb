package dev.bulwark.secretsmanager.internal;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;

/** The version quota: 100 versions, deprecated ones removed once they are a day old. */
class VersionQuotaTest {
    private final SecretsTestKit kit = new SecretsTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private void put(int i) {
        kit.call(PutSecretValueRequest.builder().secretId("s").secretString("v" + i).clientRequestToken(UUID.randomUUID().toString()).build());
    }

    private int versionCount() {
        ListSecretVersionIdsResponse all = kit.call(ListSecretVersionIdsRequest.builder().secretId("s").includeDeprecated(true).build());
        return all.versions().size();
    }

    @Test
    void versionsYoungerThanADayAreKeptSoTheHundredAndFirstFails() {
        kit.call(CreateSecretRequest.builder().name("s").secretString("v0").clientRequestToken(UUID.randomUUID().toString()).build());
        for (int i = 1; i < 100; i++) {
            put(i);
        }
        assertThat(versionCount()).isEqualTo(100);
        assertAwsError(() -> put(100), "LimitExceededException", "The request failed because it would exceed one of the Secrets Manager quotas.");
    }

    @Test
    void deprecatedVersionsOlderThanADayMakeRoomOldestFirst() {
        kit.call(CreateSecretRequest.builder().name("s").secretString("v0").clientRequestToken(UUID.randomUUID().toString()).build());
        for (int i = 1; i < 100; i++) {
            put(i);
        }
        kit.clock.advance(Duration.ofHours(25));
        for (int i = 100; i < 130; i++) {
            put(i);
        }

        assertThat(versionCount()).isEqualTo(100);
        ListSecretVersionIdsResponse labelled = kit.call(ListSecretVersionIdsRequest.builder().secretId("s").build());
        assertThat(labelled.versions()).hasSize(2);
    }
}
