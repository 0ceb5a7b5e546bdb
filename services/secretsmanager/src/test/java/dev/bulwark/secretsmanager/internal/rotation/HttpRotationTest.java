package dev.bulwark.secretsmanager.internal.rotation;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secretsmanager.testing.FakeRotationFunction;
import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;

/**
 * Rotation through an HTTP rotation function: {@link FakeRotationFunction} plays the function,
 * implementing the four steps as AWS's rotation template does, calling Secrets Manager back.
 */
class HttpRotationTest {
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:111122223333:function:rotator";

    private final FakeRotationFunction function = new FakeRotationFunction(FUNCTION);
    private final SecretsTestKit kit = new SecretsTestKit(function.registry());

    HttpRotationTest() {
        function.serves(kit);
    }

    @AfterEach
    void close() {
        function.close();
        kit.close();
    }

    private CreateSecretResponse createSecret() {
        return kit.call(CreateSecretRequest.builder().name("db").secretString("pw").clientRequestToken(UUID.randomUUID().toString()).build());
    }

    private RotateSecretResponse rotate(Boolean immediately) {
        return kit.call(RotateSecretRequest.builder().secretId("db").rotationLambdaARN(FUNCTION).clientRequestToken(UUID.randomUUID().toString())
                .rotationRules(RotationRulesType.builder().automaticallyAfterDays(1L).build()).rotateImmediately(immediately).build());
    }

    private DescribeSecretResponse describe() {
        return kit.call(DescribeSecretRequest.builder().secretId("db").build());
    }

    @Test
    void aRotationRunsTheFourStepsAndMakesTheNewVersionCurrent() {
        CreateSecretResponse created = createSecret();
        RotateSecretResponse rotation = rotate(null);
        assertThat(describe().versionIdsToStages()).containsEntry(rotation.versionId(), List.of("AWSPENDING"));

        assertThat(kit.secretsManager.runPendingRotations()).isEqualTo(1);

        assertThat(function.steps()).containsExactly("createSecret", "setSecret", "testSecret", "finishSecret");
        assertThat(function.invocations()).allSatisfy(e -> {
            assertThat(e.get("SecretId").asText()).isEqualTo(created.arn());
            assertThat(e.get("ClientRequestToken").asText()).isEqualTo(rotation.versionId());
            assertThat(e.get("RotationToken").asText()).isNotEmpty();
        });
        assertThat(function.signaturesValid()).isTrue();
        DescribeSecretResponse described = describe();
        assertThat(described.versionIdsToStages()).isEqualTo(Map.of(created.versionId(), List.of("AWSPREVIOUS"),
                rotation.versionId(), List.of("AWSCURRENT")));
        assertThat(described.rotationEnabled()).isTrue();
        assertThat(described.rotationLambdaARN()).isEqualTo(FUNCTION);
        assertThat(described.rotationRules().automaticallyAfterDays()).isEqualTo(1L);
        assertThat(described.lastRotatedDate()).isEqualTo(kit.clock.instant());
        assertThat(described.nextRotationDate()).isEqualTo(java.time.Instant.parse("2026-01-16T00:00:00Z"));
        assertThat(kit.<GetSecretValueResponse>call(GetSecretValueRequest.builder().secretId("db").build()).secretString()).isEqualTo("pw-rotated");
        assertThat(kit.auditTrail.eventNames()).containsExactly("RotationStarted", "RotationSucceeded");
    }

    @Test
    void aRotationThatFailsAtTestSecretLeavesAwscurrentUntouchedAndIsVisible() {
        CreateSecretResponse created = createSecret();
        function.failAt("testSecret");
        RotateSecretResponse rotation = rotate(true);
        kit.secretsManager.runPendingRotations();

        assertThat(kit.<GetSecretValueResponse>call(GetSecretValueRequest.builder().secretId("db").build()).versionId())
                .isEqualTo(created.versionId());
        assertThat(describe().versionIdsToStages()).containsEntry(rotation.versionId(), List.of("AWSPENDING"));
        assertThat(describe().lastRotatedDate()).isNull();
        assertThat(kit.auditTrail.eventNames()).containsExactly("RotationStarted", "RotationFailed");
        assertThat(kit.auditTrail.events().get(1).errorMessage())
                .hasValueSatisfying(reason -> assertThat(reason).contains("testSecret").contains("500"));
        assertAwsError(() -> rotate(true), "InvalidRequestException", "A previous rotation isn't complete. That rotation will be reattempted.");

        function.failAt("");
        kit.advance(Duration.ofDays(1));
        assertThat(kit.<GetSecretValueResponse>call(GetSecretValueRequest.builder().secretId("db").build()).versionId())
                .isEqualTo(rotation.versionId());
    }

    @Test
    void aScheduledRotationRunsWhenItFallsDue() {
        createSecret();
        RotateSecretResponse configured = rotate(false);
        assertThat(configured.versionId()).isNull();
        kit.secretsManager.runPendingRotations();
        assertThat(function.invocations()).isEmpty();

        kit.advance(Duration.ofHours(14));
        assertThat(function.steps()).containsExactly("createSecret", "setSecret", "testSecret", "finishSecret");
        assertThat(kit.<GetSecretValueResponse>call(GetSecretValueRequest.builder().secretId("db").build()).secretString()).isEqualTo("pw-rotated");
        assertThat(describe().nextRotationDate()).isEqualTo(java.time.Instant.parse("2026-01-17T00:00:00Z"));
    }

    @Test
    void aScheduledRotationRunsAfterARestart() {
        createSecret();
        rotate(false);
        kit.restart();

        kit.advance(Duration.ofDays(1));
        assertThat(kit.<GetSecretValueResponse>call(GetSecretValueRequest.builder().secretId("db").build()).secretString()).isEqualTo("pw-rotated");
    }

    @Test
    void cancelRotateSecretTurnsTheScheduleOff() {
        createSecret();
        rotate(false);
        kit.call(CancelRotateSecretRequest.builder().secretId("db").build());
        kit.advance(Duration.ofDays(3));

        assertThat(function.invocations()).isEmpty();
        assertThat(describe().rotationEnabled()).isFalse();
        assertThat(describe().nextRotationDate()).isNull();
    }

    @Test
    void functionsThatCannotBeInvokedAreRefusedAsAws() {
        createSecret();
        assertAwsError(() -> kit.call(RotateSecretRequest.builder().secretId("db").clientRequestToken(UUID.randomUUID().toString())
                .rotationRules(RotationRulesType.builder().automaticallyAfterDays(1L).build()).build()),
                "InvalidRequestException", "No Lambda rotation function ARN is associated with this secret.");
        assertAwsError(() -> kit.call(RotateSecretRequest.builder().secretId("db").clientRequestToken(UUID.randomUUID().toString())
                .rotationLambdaARN("arn:aws:lambda:us-east-1:111122223333:function:unknown").build()),
                "AccessDeniedException", "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function"
                        + " policy grants access to the principal secretsmanager.amazonaws.com.");
        DescribeSecretResponse described = describe();
        assertThat(described.rotationEnabled()).isNull();
        assertThat(described.rotationLambdaARN()).isNull();
        assertAwsError(() -> kit.call(RotateSecretRequest.builder().secretId("db").rotationLambdaARN(FUNCTION).build()),
                "InvalidParameterException", "You must provide a ClientRequestToken value. We recommend a UUID-type value.");
    }
}
