package dev.bulwark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as an operator runs it: a separate process, stopped with SIGTERM. */
class ServerProcessTest {
    private static final Pattern ENDPOINT = Pattern.compile("endpoint:\\s+(http://\\S+)");

    @Test
    void sigtermStopsTheServerCleanly(@TempDir Path data) throws Exception {
        Path stderr = data.resolve("stderr.log");
        Process server = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.bulwark.server.Main", "serve", "--data", data.resolve("data").toString(), "--port", "0"))
                .redirectError(stderr.toFile())
                .start();
        try {
            URI endpoint = awaitEndpoint(server);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint.resolve("/_bulwark/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            server.destroy(); // SIGTERM

            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook ran
            assertThat(Files.readString(stderr)).contains("store closed cleanly");
        } finally {
            server.destroyForcibly();
        }
    }

    private static URI awaitEndpoint(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = ENDPOINT.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("The server exited before printing its endpoint");
    }
}
