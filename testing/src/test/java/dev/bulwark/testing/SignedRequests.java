package dev.bulwark.testing;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Hand-made requests signed by the AWS SDK's own SigV4 signer, so tests can send what an SDK
 * client never would: a body changed after signing, a signature made 20 minutes ago.
 */
public final class SignedRequests {
    private static final Set<String> HEADERS_THE_JDK_CLIENT_SETS = Set.of("host", "content-length");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedRequests() {
    }

    /** Signs a POST with the given body, as the service and region given, at the clock's time. */
    public static SignedRequest sign(URI endpoint, AwsCredentials credentials, String service, String target,
            String contentType, String body, Clock clock) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        if (target != null) {
            request.putHeader("X-Amz-Target", target);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(request.build())
                .payload(ContentStreamProvider.fromInputStreamSupplier(() -> new ByteArrayInputStream(bytes)))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    }

    /** Sends a signed request's headers with the given body (the signed one or another). */
    public static HttpResponse<String> send(SignedRequest signed, String body) throws Exception {
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.request().getUri())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signed.request().forEachHeader((name, values) -> {
            if (!HEADERS_THE_JDK_CLIENT_SETS.contains(name.toLowerCase())) {
                values.forEach(value -> http.header(name, value));
            }
        });
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }
}
