package dev.bulwark.secretsmanager.internal.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.secretsmanager.RotationFunctionRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A rotation function reached over HTTP: Lambda's rotation event, as JSON, POSTed to the
 * function's URL. A 2xx answer means the step succeeded; anything else (or no answer within a
 * minute) fails the rotation.
 *
 * <p>Requests are signed so the function can tell they come from this Bulwark:
 * {@code X-Bulwark-Timestamp} is the time in epoch seconds and {@code X-Bulwark-Signature} is
 * {@code v1=} and the hex HMAC-SHA256, under the function's key, of the timestamp, a dot and the
 * body. A function should refuse a signature that does not verify or a timestamp more than five
 * minutes old.
 */
public final class HttpRotationFunction implements RotationFunction {
    public static final String TIMESTAMP_HEADER = "X-Bulwark-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Bulwark-Signature";
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RotationFunctionRegistry.Registration registration;
    private final HttpClient client;
    private final Clock clock;

    public HttpRotationFunction(RotationFunctionRegistry.Registration registration, HttpClient client, Clock clock) {
        this.registration = registration;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public void invoke(Event event) {
        ObjectNode body = JSON.createObjectNode()
                .put("Step", event.step().eventName())
                .put("SecretId", event.secretId())
                .put("ClientRequestToken", event.clientRequestToken())
                .put("RotationToken", event.rotationToken());
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(registration.url())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "v1=" + sign(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new RotationFailure("The rotation function " + registration.functionArn() + " could not be reached at step "
                    + event.step().eventName() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RotationFailure("Interrupted while invoking the rotation function at step " + event.step().eventName());
        }
        if (response.statusCode() / 100 != 2) {
            throw new RotationFailure("The rotation function " + registration.functionArn() + " failed at step "
                    + event.step().eventName() + " (HTTP " + response.statusCode() + ")");
        }
    }

    private String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(registration.signingKey().toByteArray(InsecureSecretAccess.get()), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JDK", e);
        }
    }
}
