package dev.bulwark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/** What a user sees across the server's life: first start, restart, health, reset. */
class ServerLifecycleTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void firstStartWritesAPrivateCredentialsFileAndRootKey(@TempDir Path data) throws Exception {
        try (BulwarkTestServer server = BulwarkTestServer.startOn(data)) {
            Path credentials = server.credentialsFile();
            assertThat(credentials).isEqualTo(data.resolve("credentials"));
            assertThat(Files.getPosixFilePermissions(credentials))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(credentials))
                    .startsWith("[default]")
                    .containsPattern("aws_access_key_id = AKIA[A-Z2-7]{16}")
                    .containsPattern("aws_secret_access_key = \\S{40}");
            assertThat(Files.getPosixFilePermissions(data.resolve("root.key")))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void aRestartKeepsTheIdentity(@TempDir Path data) {
        AwsCredentials before;
        try (BulwarkTestServer server = BulwarkTestServer.startOn(data)) {
            before = server.resolvedAdminCredentials();
        }
        try (BulwarkTestServer restarted = BulwarkTestServer.startOn(data);
             StsClient sts = restarted.client(StsClient.builder(), StaticCredentialsProvider.create(before))) {
            assertThat(restarted.resolvedAdminCredentials().accessKeyId()).isEqualTo(before.accessKeyId());
            assertThat(sts.getCallerIdentity().account()).isEqualTo(BulwarkTestServer.ACCOUNT.value());
        }
    }

    @Test
    void aDeletedCredentialsFileIsWrittenAgainFromTheStore(@TempDir Path data) throws Exception {
        String original;
        try (BulwarkTestServer server = BulwarkTestServer.startOn(data)) {
            original = Files.readString(server.credentialsFile());
            Files.delete(server.credentialsFile());
        }
        try (BulwarkTestServer restarted = BulwarkTestServer.startOn(data)) {
            assertThat(Files.readString(restarted.credentialsFile())).isEqualTo(original);
        }
    }

    @Test
    void healthAnswersWithASmallJsonBody() throws Exception {
        try (BulwarkTestServer server = BulwarkTestServer.start()) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(server.endpoint().resolve("/_bulwark/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).contains("\"status\":\"ok\"");
        }
    }

    @Test
    void resetKeepsTheBootstrapIdentity() throws Exception {
        try (BulwarkTestServer server = BulwarkTestServer.start();
             StsClient sts = server.client(StsClient.builder())) {
            HttpResponse<String> reset = HTTP.send(
                    HttpRequest.newBuilder(server.endpoint().resolve("/_bulwark/reset"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(sts.getCallerIdentity().account()).isEqualTo(BulwarkTestServer.ACCOUNT.value());
        }
    }

}
