package dev.bulwark.secretsmanager.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.core.AwsException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.secretsmanager.RotationFunctionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;

/**
 * An HTTP rotation function on a JDK HTTP server: it implements the four steps as AWS's rotation
 * template does, for a secret whose value gets {@code -rotated} appended, calling Secrets Manager
 * back through the kit it {@link #serves}. It keeps the events it received, checks each request's
 * signature, and answers 500 at the step it is told to {@link #failAt}.
 */
public final class FakeRotationFunction implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String arn;
    private final byte[] key = new byte[32];
    private final HttpServer server;
    private final List<JsonNode> invocations = new CopyOnWriteArrayList<>();
    private volatile String failAtStep = "";
    private volatile boolean signaturesValid = true;
    private volatile SecretsTestKit kit;

    public FakeRotationFunction(String arn) {
        this.arn = arn;
        new SecureRandom().nextBytes(key);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/rotate", this::handle);
        server.start();
    }

    /** The registration a server would get from {@code --rotation-function ARN=URL}. */
    public RotationFunctionRegistry registry() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rotate");
        return RotationFunctionRegistry.of(List.of(new RotationFunctionRegistry.Registration(arn, url, SecretBytes.copyOf(key))));
    }

    /** The Secrets Manager the function calls back; the kit is made with {@link #registry()}, so it comes after. */
    public void serves(SecretsTestKit secretsManager) {
        this.kit = secretsManager;
    }

    public void failAt(String step) {
        failAtStep = step;
    }

    /** The events received, in order. */
    public List<JsonNode> invocations() {
        return invocations;
    }

    public List<String> steps() {
        return invocations.stream().map(event -> event.get("Step").asText()).toList();
    }

    public boolean signaturesValid() {
        return signaturesValid;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String timestamp = exchange.getRequestHeaders().getFirst("X-Bulwark-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Bulwark-Signature");
        signaturesValid &= ("v1=" + hmac(timestamp, body)).equals(signature);
        JsonNode event = JSON.readTree(body);
        invocations.add(event);
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

    private void step(JsonNode event) {
        String secretArn = event.get("SecretId").asText();
        String token = event.get("ClientRequestToken").asText();
        switch (event.get("Step").asText()) {
            case "createSecret" -> {
                try {
                    kit.call(GetSecretValueRequest.builder().secretId(secretArn).versionId(token).versionStage("AWSPENDING").build());
                } catch (AwsException notYet) {
                    GetSecretValueResponse current = kit.call(GetSecretValueRequest.builder().secretId(secretArn).build());
                    kit.call(PutSecretValueRequest.builder().secretId(secretArn).clientRequestToken(token)
                            .secretString(current.secretString() + "-rotated").versionStages("AWSPENDING").build());
                }
            }
            case "finishSecret" -> {
                DescribeSecretResponse described = kit.call(DescribeSecretRequest.builder().secretId(secretArn).build());
                String current = described.versionIdsToStages().entrySet().stream()
                        .filter(e -> e.getValue().contains("AWSCURRENT")).map(Map.Entry::getKey).findFirst().orElseThrow();
                if (!current.equals(token)) {
                    kit.call(UpdateSecretVersionStageRequest.builder().secretId(secretArn).versionStage("AWSCURRENT")
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
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
