package dev.bulwark.secretsmanager.internal.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;

/** A rotation whose runner died mid-run is resumed by the next runner once the lease runs out. */
class RotationRecoveryTest {
    private static final String ROTATOR = "arn:aws:lambda:us-east-1:111122223333:function:bulwark-rotator-postgresql-single-user";

    private final SecretsTestKit kit = new SecretsTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void aRunLeasedByADeadRunnerIsTakenOverAfterItsLease() {
        kit.call(CreateSecretRequest.builder().name("db").secretString("{}").clientRequestToken(UUID.randomUUID().toString()).build());
        kit.call(RotateSecretRequest.builder().secretId("db").rotationLambdaARN(ROTATOR).clientRequestToken(UUID.randomUUID().toString()).build());
        SecretScope scope = new SecretScope(SecretsTestKit.ACCOUNT, SecretsTestKit.REGION);
        kit.store.write(tx -> {
            RotationRuns runs = new RotationRuns(null, null, null);
            RotationRun run = runs.find(tx, scope, "db").orElseThrow();
            runs.put(tx, run.claimed("a-runner-that-died", kit.clock.instant().plus(Duration.ofMinutes(5))));
            return null;
        });

        assertThat(kit.secretsManager.runPendingRotations()).isZero();
        kit.clock.advance(Duration.ofMinutes(6));
        assertThat(kit.secretsManager.runPendingRotations()).isEqualTo(1);

        // The secret is not in the RDS format, so the taken-over rotation fails at createSecret; AWSCURRENT stays.
        assertThat(kit.auditTrail.eventNames()).as("the run started before the takeover").containsExactly("RotationFailed");
        GetSecretValueResponse current = kit.call(GetSecretValueRequest.builder().secretId("db").build());
        assertThat(current.secretString()).isEqualTo("{}");
        assertThat(kit.auditTrail.events().getFirst().errorMessage())
                .hasValueSatisfying(reason -> assertThat(reason).contains("RDS format"));
    }
}
