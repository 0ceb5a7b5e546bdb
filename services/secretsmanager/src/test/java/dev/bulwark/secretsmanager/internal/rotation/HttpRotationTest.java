package dev.bulwark.secretsmanager.internal.rotation;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.core.AwsException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.secretsmanager.RotationEvents.RotationEvent;
import dev.bulwark.secretsmanager.RotationFunctionRegistry;
import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;

/**
 * Rotation through an HTTP rotation function: a JDK HTTP server in the test plays the function,
 * implementing the four steps as AWS's rotation template does, calling Secrets Manager back.
 */
class HttpRotationTest {
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:111122223333:function:rotator";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] key = new byte[32];
    private final HttpServer function;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private volatile String failAtStep = "";
    private volatile boolean signaturesValid = true;
    private final SecretsTestKit kit;

    HttpRotationTest() throws IOException {
        new SecureRandom().nextBytes(key);
        function = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        function.createContext("/rotate", this::handle);
        function.start();
        URI url = URI.create("http://127.0.0.1:" + function.getAddress().getPort() + "/rotate");
        kit = new SecretsTestKit(RotationFunctionRegistry.of(List.of(
                new RotationFunctionRegistry.Registration(FUNCTION, url, SecretBytes.copyOf(key)))));
    }

    @AfterEach
    void close() {
        function.stop(0);
        kit.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String timestamp = exchange.getRequestHeaders().getFirst("X-Bulwark-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Bulwark-Signature");
        signaturesValid &= ("v1=" + hmac(timestamp, body)).equals(signature);
        JsonNode event = JSON.readTree(body);
        events.add(event);
        int status = 200;
        try {
            if (event.get("Step").asText().equals(failAtStep)) {
                status = 500;
            } else {
                step(event);
            }
        } catch (AwsException e) {
            status = 500;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The rotation template's steps, for a secret whose value gets "-rotated" appended. */
    private void step(JsonNode event) {
        String arn = event.get("SecretId").asText();
        String token = event.get("ClientRequestToken").asText();
        switch (event.get("Step").asText()) {
            case "createSecret" -> {
                try {
                    kit.call(GetSecretValueRequest.builder().secretId(arn).versionId(token).versionStage("AWSPENDING").build());
                } catch (AwsException notYet) {
                    GetSecretValueResponse current = kit.call(GetSecretValueRequest.builder().secretId(arn).build());
                    kit.call(PutSecretValueRequest.builder().secretId(arn).clientRequestToken(token)
                            .secretString(current.secretString() + "-rotated").versionStages("AWSPENDING").build());
                }
            }
            case "finishSecret" -> {
                DescribeSecretResponse described = kit.call(DescribeSecretRequest.builder().secretId(arn).build());
                String current = described.versionIdsToStages().entrySet().stream()
                        .filter(e -> e.getValue().contains("AWSCURRENT")).map(Map.Entry::getKey).findFirst().orElseThrow();
                if (!current.equals(token)) {
                    kit.call(UpdateSecretVersionStageRequest.builder().secretId(arn).versionStage("AWSCURRENT")
                            .moveToVersionId(token).removeFromVersionId(current).build());
                }
            }
            default -> {
            }
        }
    }

    private String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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

        assertThat(events).extracting(e -> e.get("Step").asText()).containsExactly("createSecret", "setSecret", "testSecret", "finishSecret");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("SecretId").asText()).isEqualTo(created.arn());
            assertThat(e.get("ClientRequestToken").asText()).isEqualTo(rotation.versionId());
            assertThat(e.get("RotationToken").asText()).isNotEmpty();
        });
        assertThat(signaturesValid).isTrue();
        DescribeSecretResponse described = describe();
        assertThat(described.versionIdsToStages()).isEqualTo(Map.of(created.versionId(), List.of("AWSPREVIOUS"),
                rotation.versionId(), List.of("AWSCURRENT")));
        assertThat(described.rotationEnabled()).isTrue();
        assertThat(described.rotationLambdaARN()).isEqualTo(FUNCTION);
        assertThat(described.rotationRules().automaticallyAfterDays()).isEqualTo(1L);
        assertThat(described.lastRotatedDate()).isEqualTo(kit.clock.instant());
        assertThat(described.nextRotationDate()).isEqualTo(java.time.Instant.parse("2026-01-16T00:00:00Z"));
        assertThat(kit.<GetSecretValueResponse>call(GetSecretValueRequest.builder().secretId("db").build()).secretString()).isEqualTo("pw-rotated");
        assertThat(kit.events).extracting(RotationEvent::kind)
                .containsExactly(RotationEvent.Kind.STARTED, RotationEvent.Kind.SUCCEEDED);
    }

    @Test
    void aRotationThatFailsAtTestSecretLeavesAwscurrentUntouchedAndIsVisible() {
        CreateSecretResponse created = createSecret();
        failAtStep = "testSecret";
        RotateSecretResponse rotation = rotate(true);
        kit.secretsManager.runPendingRotations();

        assertThat(kit.<GetSecretValueResponse>call(GetSecretValueRequest.builder().secretId("db").build()).versionId())
                .isEqualTo(created.versionId());
        assertThat(describe().versionIdsToStages()).containsEntry(rotation.versionId(), List.of("AWSPENDING"));
        assertThat(describe().lastRotatedDate()).isNull();
        assertThat(kit.events).extracting(RotationEvent::kind).containsExactly(RotationEvent.Kind.STARTED, RotationEvent.Kind.FAILED);
        assertThat(kit.events.get(1).reason()).hasValueSatisfying(reason -> assertThat(reason).contains("testSecret").contains("500"));
        assertAwsError(() -> rotate(true), "InvalidRequestException", "A previous rotation isn't complete. That rotation will be reattempted.");

        failAtStep = "";
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
        assertThat(events).isEmpty();

        kit.advance(Duration.ofHours(14));
        assertThat(events).extracting(e -> e.get("Step").asText()).containsExactly("createSecret", "setSecret", "testSecret", "finishSecret");
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

        assertThat(events).isEmpty();
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
