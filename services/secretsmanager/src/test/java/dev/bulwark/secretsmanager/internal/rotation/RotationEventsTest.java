package dev.bulwark.secretsmanager.internal.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.audit.ServiceEvent;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.testing.FakeRotationFunction;
import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import dev.bulwark.store.ReadTransaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;

/**
 * A rotation reports its progress to the audit trail as Secrets Manager's service events, each
 * recorded in the transaction that records the progress it reports: so in order, once, and not at
 * all when that transaction fails.
 */
class RotationEventsTest {
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:111122223333:function:rotator";
    private static final String VALUE = "s3cr3t-value-91c";
    private static final SecretScope SCOPE = new SecretScope(SecretsTestKit.ACCOUNT, SecretsTestKit.REGION);

    private final FakeRotationFunction function = new FakeRotationFunction(FUNCTION);
    private final SecretsTestKit kit = new SecretsTestKit(function.registry());
    /** For each event, the state of the rotation run in the transaction that recorded it. */
    private final Map<String, String> runSeenByEvent = new LinkedHashMap<>();
    private String arn;

    @BeforeEach
    void createAndRotate() {
        function.serves(kit);
        kit.auditTrail.whileRecording((tx, event) -> runSeenByEvent.put(event.eventName(), run(tx)));
        arn = kit.<CreateSecretResponse>call(CreateSecretRequest.builder().name("db").secretString(VALUE)
                .clientRequestToken(UUID.randomUUID().toString()).build()).arn();
        kit.call(RotateSecretRequest.builder().secretId("db").rotationLambdaARN(FUNCTION)
                .clientRequestToken(UUID.randomUUID().toString()).build());
    }

    @AfterEach
    void close() {
        function.close();
        kit.close();
    }

    private static String run(ReadTransaction tx) {
        return new RotationRuns(null, null, null).find(tx, SCOPE, "db")
                .map(run -> run.owner() == null ? "open" : "claimed, next step " + run.nextStep())
                .orElse("closed");
    }

    @Test
    void aRotationRecordsRotationStartedAndRotationSucceededInTheTransactionsOfItsProgress() {
        kit.secretsManager.runPendingRotations();

        assertThat(kit.auditTrail.eventNames()).containsExactly("RotationStarted", "RotationSucceeded");
        assertThat(runSeenByEvent).containsExactly(Map.entry("RotationStarted", "claimed, next step 0"),
                Map.entry("RotationSucceeded", "closed"));
        assertThat(kit.auditTrail.events()).allSatisfy(event -> {
            assertThat(event.eventSource()).isEqualTo("secretsmanager.amazonaws.com");
            assertThat(event.account()).isEqualTo(SecretsTestKit.ACCOUNT);
            assertThat(event.region()).isEqualTo(SecretsTestKit.REGION);
            assertThat(event.eventTime()).isEqualTo(kit.clock.instant());
            assertThat(event.resources()).containsExactly(arn);
            assertThat(event.additionalEventData().toString()).isEqualTo("{\"SecretId\":\"" + arn + "\"}");
            assertThat(event.serviceEventDetails().isEmpty()).isTrue();
            assertThat(event.errorMessage()).isEmpty();
        });
        assertThat(kit.auditTrail.events()).extracting(ServiceEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void aFailedRotationRecordsRotationFailedWithItsReasonAndNeverTheValue() {
        function.failAt("testSecret");

        kit.secretsManager.runPendingRotations();

        assertThat(kit.auditTrail.eventNames()).containsExactly("RotationStarted", "RotationFailed");
        assertThat(runSeenByEvent).containsEntry("RotationFailed", "closed");
        ServiceEvent failed = kit.auditTrail.events().get(1);
        assertThat(failed.errorMessage()).hasValue("The rotation function " + FUNCTION + " failed at step testSecret (HTTP 500)");
        assertThat(failed.resources()).containsExactly(arn);
        assertThat(failed.toString()).doesNotContain(VALUE).doesNotContain(VALUE + "-rotated");
    }

    @Test
    void aClaimThatFailsToCommitRecordsNothingAndTheNextLookRecordsRotationStartedOnce() {
        kit.auditTrail.failTransactionOf("RotationStarted");

        assertThatThrownBy(kit.secretsManager::runPendingRotations).isInstanceOf(IllegalStateException.class);
        assertThat(kit.auditTrail.events()).isEmpty();
        assertThat(function.invocations()).as("no step ran for a claim that did not commit").isEmpty();

        assertThat(kit.secretsManager.runPendingRotations()).isEqualTo(1);
        assertThat(kit.auditTrail.eventNames()).containsExactly("RotationStarted", "RotationSucceeded");
    }

    @Test
    void aSuccessThatFailsToCommitIsNotRecordedAndTheRunIsClosedAsFailed() {
        kit.auditTrail.failTransactionOf("RotationSucceeded");

        kit.secretsManager.runPendingRotations();

        assertThat(kit.auditTrail.eventNames()).containsExactly("RotationStarted", "RotationFailed");
        assertThat(kit.auditTrail.events().get(1).errorMessage()).hasValue("Internal error: IllegalStateException");
        DescribeSecretResponse described = kit.call(DescribeSecretRequest.builder().secretId("db").build());
        assertThat(described.lastRotatedDate()).as("the success did not commit").isNull();
    }
}
