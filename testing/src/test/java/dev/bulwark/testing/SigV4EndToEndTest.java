package dev.bulwark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/** Requests an SDK would never send, refused with the error AWS gives. */
class SigV4EndToEndTest {
    private static final String STS_FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";
    private static BulwarkTestServer server;
    private static AwsCredentials admin;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        admin = server.resolvedAdminCredentials();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCorrectlySignedQueryRequestIsAnswered() throws Exception {
        SignedRequest signed = SignedRequests.sign(server.endpoint(), admin, "sts", null, STS_FORM, CALLER_IDENTITY,
                Clock.systemUTC());

        HttpResponse<String> response = SignedRequests.send(signed, CALLER_IDENTITY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Account>" + BulwarkTestServer.ACCOUNT + "</Account>");
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() throws Exception {
        SignedRequest signed = SignedRequests.sign(server.endpoint(), admin, "sts", null, STS_FORM, CALLER_IDENTITY,
                Clock.systemUTC());

        HttpResponse<String> response = SignedRequests.send(signed, CALLER_IDENTITY + "&Extra=1");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }

    @Test
    void aTamperedJsonBodyIsRefusedWithInvalidSignatureException() throws Exception {
        String body = "{\"Limit\":10}";
        SignedRequest signed = SignedRequests.sign(server.endpoint(), admin, "kms", "TrentService.ListKeys",
                "application/x-amz-json-1.1", body, Clock.systemUTC());

        HttpResponse<String> response = SignedRequests.send(signed, "{\"Limit\":11}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(
                type -> assertThat(type).startsWith("InvalidSignatureException"));
        JsonNode error = new ObjectMapper().readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("InvalidSignatureException");
        assertThat(error.path("message").asText()).startsWith("The request signature we calculated does not match");
    }

    @Test
    void aSignatureMadeTwentyMinutesAgoHasExpired() throws Exception {
        Clock twentyMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        SignedRequest signed = SignedRequests.sign(server.endpoint(), admin, "kms", "TrentService.ListKeys",
                "application/x-amz-json-1.1", "{}", twentyMinutesAgo);

        HttpResponse<String> response = SignedRequests.send(signed, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("InvalidSignatureException");
        assertThat(error.path("message").asText()).startsWith("Signature expired: ");
    }

    @Test
    void anUnsignedRequestIsRefusedWithMissingAuthenticationToken() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.endpoint())
                        .header("X-Amz-Target", "TrentService.ListKeys")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode error = new ObjectMapper().readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
    }
}
