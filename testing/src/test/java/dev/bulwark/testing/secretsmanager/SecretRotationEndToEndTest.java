package dev.bulwark.testing.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.testing.BulwarkTestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.auth.scheme.SecretsManagerAuthSchemeProvider;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;

/**
 * Rotation with an HTTP rotation function registered with the server: a JDK HTTP server in the
 * test is the function. It verifies each request's signature with the key the server keeps for it
 * and carries out the four steps through its own SecretsManagerClient, as a rotation Lambda does.
 * Rotation is asynchronous, as in AWS, so the test waits (boundedly) for its outcome. Its progress
 * is in the audit trail, as AWS records it: CloudTrail service events found with LookupEvents.
 *
 * <p>To see a scheduled rotation run after a restart, the server restarts on a clock days ahead,
 * and the clients sign with that clock too (SigV4 allows only 15 minutes of skew).
 */

class SecretRotationEndToEndTest {
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:111122223333:function:http-rotator";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer function;
    private BulwarkTestServer server;
    @TempDir
    Path dataDir;

    private Map<String, URI> functions;
    private volatile Clock serverClock = Clock.systemUTC();
    private volatile SecretsManagerClient client;
    private CloudTrailClient cloudTrail;
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private volatile String failAt = "";
    private volatile boolean signaturesValid = true;

    @BeforeEach
    void start() throws IOException {
        function = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        function.createContext("/", this::handle);
        function.start();
        functions = Map.of(FUNCTION, URI.create("http://127.0.0.1:" + function.getAddress().getPort() + "/"));
        server = BulwarkTestServer.startOn(dataDir, serverClock, functions);
        client = server.client(SecretsManagerClient.builder());
        cloudTrail = server.client(CloudTrailClient.builder());
    }

    @AfterEach
    void stop() {
        cloudTrail.close();
        client.close();
        server.close();
        function.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        signaturesValid &= verify(exchange.getRequestHeaders().getFirst("X-Bulwark-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Bulwark-Signature"), body);
        JsonNode event = JSON.readTree(body);
        String step = event.path("Step").asText();
        steps.add(step);
        int status = 200;
        try {
            if (step.equals(failAt)) {
                status = 500;
            } else {
                perform(step, event.path("SecretId").asText(), event.path("ClientRequestToken").asText());
            }
        } catch (RuntimeException e) {
            status = 500;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void perform(String step, String arn, String token) {
        switch (step) {
            case "createSecret" -> {
                try {
                    client.getSecretValue(r -> r.secretId(arn).versionId(token).versionStage("AWSPENDING"));
                } catch (ResourceNotFoundException notYet) {
                    String current = client.getSecretValue(r -> r.secretId(arn)).secretString();
                    client.putSecretValue(r -> r.secretId(arn).clientRequestToken(token).secretString(current + "-next").versionStages("AWSPENDING"));
                }
            }
            case "finishSecret" -> {
                String current = client.describeSecret(r -> r.secretId(arn)).versionIdsToStages().entrySet().stream()
                        .filter(e -> e.getValue().contains("AWSCURRENT")).map(Map.Entry::getKey).findFirst().orElseThrow();
                if (!current.equals(token)) {
                    client.updateSecretVersionStage(r -> r.secretId(arn).versionStage("AWSCURRENT").moveToVersionId(token).removeFromVersionId(current));
                }
            }
            default -> {
            }
        }
    }

    private boolean verify(String timestamp, String signature, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(server.rotationFunctionKey(FUNCTION), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            boolean fresh = Math.abs(serverClock.instant().getEpochSecond() - Long.parseLong(timestamp)) < 300;
            return fresh && ("v1=" + HexFormat.of().formatHex(mac.doFinal(body))).equals(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the server and starts it again on the same data folder, on {@code clock}, with the
     * Secrets Manager client signing on it (the CloudTrail client is not used after a restart).
     */
    private void restartOn(Clock clock) {
        client.close();
        cloudTrail.close();
        server.close();
        serverClock = clock;
        server = BulwarkTestServer.startOn(dataDir, clock, functions);
        SecretsManagerAuthSchemeProvider defaults = SecretsManagerAuthSchemeProvider.defaultProvider();
        client = server.client(SecretsManagerClient.builder().authSchemeProvider(parameters -> defaults.resolveAuthScheme(parameters)
                .stream().map(option -> option.toBuilder().putSignerProperty(HttpSigner.SIGNING_CLOCK, clock).build()).toList()));
        cloudTrail = server.client(CloudTrailClient.builder());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Rotation did not finish within " + WAIT);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aRotationMakesTheFunctionsNewVersionCurrentAsRecorded() throws Exception {
        CreateSecretResponse created = client.createSecret(r -> r.name("rotated").secretString("my_secret").description("testing rotation of secrets"));
        RotateSecretResponse rotation = client.rotateSecret(r -> r.secretId("rotated").rotationLambdaARN(FUNCTION)
                .rotationRules(rules -> rules.automaticallyAfterDays(1L)));

        await(() -> steps.contains("finishSecret") && client.describeSecret(r -> r.secretId("rotated")).lastRotatedDate() != null);

        assertThat(steps).containsExactly("createSecret", "setSecret", "testSecret", "finishSecret");
        assertThat(signaturesValid).isTrue();
        DescribeSecretResponse described = client.describeSecret(r -> r.secretId("rotated"));
        assertThat(described.versionIdsToStages()).isEqualTo(Map.of(created.versionId(), List.of("AWSPREVIOUS"),
                rotation.versionId(), List.of("AWSCURRENT")));
        assertThat(described.rotationEnabled()).isTrue();
        assertThat(described.rotationRules().automaticallyAfterDays()).isEqualTo(1L);
        assertThat(described.nextRotationDate()).isAfter(Instant.now());
        assertThat(client.getSecretValue(r -> r.secretId("rotated")).secretString()).isEqualTo("my_secret-next");
    }

    @Test
    void aFunctionFailingAtTestSecretLeavesAwscurrentUnchanged() throws Exception {
        CreateSecretResponse created = client.createSecret(r -> r.name("failing").secretString("keep-me"));
        failAt = "testSecret";
        RotateSecretResponse rotation = client.rotateSecret(r -> r.secretId("failing").rotationLambdaARN(FUNCTION));

        await(() -> steps.contains("testSecret") && client.listSecretVersionIds(r -> r.secretId("failing")).versions().size() == 2);
        Thread.sleep(200);

        assertThat(steps).containsExactly("createSecret", "setSecret", "testSecret");
        assertThat(client.getSecretValue(r -> r.secretId("failing")).versionId()).isEqualTo(created.versionId());
        assertThat(client.getSecretValue(r -> r.secretId("failing")).secretString()).isEqualTo("keep-me");
        assertThat(client.describeSecret(r -> r.secretId("failing")).versionIdsToStages())
                .containsEntry(rotation.versionId(), List.of("AWSPENDING"));
    }

    @Test
    void aRotationIsInTheAuditTrailAsRotationStartedThenRotationSucceeded() throws Exception {
        CreateSecretResponse created = client.createSecret(r -> r.name("audited").secretString("audited-value-7d1e"));
        client.rotateSecret(r -> r.secretId("audited").rotationLambdaARN(FUNCTION));

        await(() -> client.describeSecret(r -> r.secretId("audited")).lastRotatedDate() != null);

        JsonNode started = onlyRecord(lookUp(LookupAttributeKey.EVENT_NAME, "RotationStarted"));
        JsonNode succeeded = onlyRecord(lookUp(LookupAttributeKey.EVENT_NAME, "RotationSucceeded"));
        assertRotationEvent(started, "RotationStarted", created.arn());
        assertRotationEvent(succeeded, "RotationSucceeded", created.arn());
        assertThat(Instant.parse(started.get("eventTime").asText())).isBeforeOrEqualTo(Instant.parse(succeeded.get("eventTime").asText()));
        assertThat(lookUp(LookupAttributeKey.RESOURCE_NAME, created.arn())).extracting(Event::eventName)
                .contains("RotationStarted", "RotationSucceeded");
        assertThat(lookUp(LookupAttributeKey.EVENT_SOURCE, "secretsmanager.amazonaws.com")).extracting(Event::eventName)
                .filteredOn(name -> name.startsWith("Rotation")).containsExactlyInAnyOrder("RotationStarted", "RotationSucceeded");
    }

    @Test
    void aFailedRotationIsInTheAuditTrailWithItsReasonAndWithoutTheValue() throws Exception {
        CreateSecretResponse created = client.createSecret(r -> r.name("audited-failing").secretString("audited-value-3c9a"));
        failAt = "setSecret";
        client.rotateSecret(r -> r.secretId("audited-failing").rotationLambdaARN(FUNCTION));

        await(() -> !lookUp(LookupAttributeKey.EVENT_NAME, "RotationFailed").isEmpty());

        JsonNode failed = onlyRecord(lookUp(LookupAttributeKey.EVENT_NAME, "RotationFailed"));
        assertRotationEvent(failed, "RotationFailed", created.arn());
        assertThat(failed.get("errorMessage").asText()).isEqualTo("The rotation function " + FUNCTION
                + " failed at step setSecret (HTTP 500)");
        assertThat(failed.has("errorCode")).isFalse();
        assertThat(failed.toString()).doesNotContain("audited-value-3c9a");
        assertThat(lookUp(LookupAttributeKey.EVENT_NAME, "RotationSucceeded")).isEmpty();
    }

    @Test
    void aScheduledRotationRunsAfterARestart() throws Exception {
        CreateSecretResponse created = client.createSecret(r -> r.name("scheduled").secretString("before-restart"));
        client.rotateSecret(r -> r.secretId("scheduled").rotationLambdaARN(FUNCTION).rotateImmediately(false)
                .rotationRules(rules -> rules.automaticallyAfterDays(1L)));
        assertThat(steps).as("not due yet").isEmpty();

        restartOn(Clock.offset(Clock.systemUTC(), Duration.ofDays(2)));

        await(() -> steps.contains("finishSecret") && client.describeSecret(r -> r.secretId("scheduled")).lastRotatedDate() != null);
        assertThat(steps).containsExactly("createSecret", "setSecret", "testSecret", "finishSecret");
        assertThat(signaturesValid).isTrue();
        assertThat(client.getSecretValue(r -> r.secretId("scheduled")).secretString()).isEqualTo("before-restart-next");
        assertThat(client.describeSecret(r -> r.secretId("scheduled")).versionIdsToStages())
                .containsEntry(created.versionId(), List.of("AWSPREVIOUS"));
    }

    /** A service event of Secrets Manager about the secret, as AWS records rotation events. */
    private static void assertRotationEvent(JsonNode event, String eventName, String secretArn) {
        String account = BulwarkTestServer.ACCOUNT.value();
        assertThat(event.get("eventVersion").asText()).isEqualTo("1.08");
        assertThat(event.get("eventType").asText()).isEqualTo("AwsServiceEvent");
        assertThat(event.get("eventName").asText()).isEqualTo(eventName);
        assertThat(event.get("eventSource").asText()).isEqualTo("secretsmanager.amazonaws.com");
        assertThat(event.get("awsRegion").asText()).isEqualTo(BulwarkTestServer.REGION.name());
        assertThat(event.get("userIdentity")).isEqualTo(JsonNodeFactory.instance.objectNode()
                .put("accountId", account).put("invokedBy", "secretsmanager.amazonaws.com"));
        assertThat(event.get("sourceIPAddress").asText()).isEqualTo("secretsmanager.amazonaws.com");
        assertThat(event.get("userAgent").asText()).isEqualTo("secretsmanager.amazonaws.com");
        assertThat(event.get("requestParameters").isNull()).isTrue();
        assertThat(event.get("responseElements").isNull()).isTrue();
        assertThat(event.get("additionalEventData")).isEqualTo(JsonNodeFactory.instance.objectNode().put("SecretId", secretArn));
        assertThat(event.get("readOnly").asBoolean()).isFalse();
        assertThat(event.get("resources")).hasSize(1);
        assertThat(event.get("resources").get(0).get("ARN").asText()).isEqualTo(secretArn);
        assertThat(event.get("resources").get(0).get("type").asText()).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(event.get("managementEvent").asBoolean()).isTrue();
        assertThat(event.get("recipientAccountId").asText()).isEqualTo(account);
        assertThat(event.get("eventCategory").asText()).isEqualTo("Management");
    }

    private List<Event> lookUp(LookupAttributeKey key, String value) {
        return cloudTrail.lookupEvents(r -> r.lookupAttributes(attribute -> attribute.attributeKey(key).attributeValue(value))).events();
    }

    private static JsonNode onlyRecord(List<Event> events) throws IOException {
        assertThat(events).hasSize(1);
        return JSON.readTree(events.getFirst().cloudTrailEvent());
    }
}
