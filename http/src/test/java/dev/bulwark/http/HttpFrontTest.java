package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.core.wire.WireResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpFrontTest {

    private static HttpFrontConfig localConfig(int maxBytes) {
        return new HttpFrontConfig("127.0.0.1", 0, maxBytes, Duration.ofSeconds(30));
    }

    @Test
    void passesMethodPathQueryHeadersAndBodyToTheHandler() throws Exception {
        AtomicReference<WireRequest> seen = new AtomicReference<>();
        try (HttpFront front = HttpFront.start(localConfig(1024), request -> {
            seen.set(request);
            return WireResponse.json(200, "{\"ok\":true}").withHeader("x-amzn-RequestId", "r-1");
        })) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.address().getPort() + "/a%20b?x=1&y=%2F"))
                            .header("X-Amz-Target", "TrentService.ListKeys")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"ok\":true}");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValue("r-1");
            WireRequest request = seen.get();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.rawPath()).isEqualTo("/a%20b");
            assertThat(request.rawQuery()).isEqualTo("x=1&y=%2F");
            assertThat(request.header("x-amz-target")).hasValue("TrentService.ListKeys");
            assertThat(request.bodyAsString()).isEqualTo("{}");
            assertThat(request.remoteAddress()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void keepsTheConnectionAliveAcrossRequests() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (HttpFront front = HttpFront.start(localConfig(1024),
                request -> WireResponse.json(200, "{\"n\":" + calls.incrementAndGet() + "}"));
             Socket socket = new Socket("127.0.0.1", front.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 1; i <= 3; i++) {
                out.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
                String body = readBody(in);
                assertThat(body).isEqualTo("{\"n\":" + i + "}");
            }
        }
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (HttpFront front = HttpFront.start(localConfig(1024), request -> {
            calls.incrementAndGet();
            return WireResponse.json(200, "{}");
        }); Socket socket = new Socket("127.0.0.1", front.address().getPort())) {
            // Announce 10 MB but send no body: the answer must come without the body being read.
            socket.getOutputStream().write(
                    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            assertThat(calls).hasValue(0);
        }
    }

    @Test
    void shutdownLetsInFlightRequestsFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpFront front = HttpFront.start(localConfig(1024), request -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return WireResponse.json(200, "{\"finished\":true}");
        });
        int port = front.address().getPort();
        CompletableFuture<HttpResponse<String>> pending = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> front.close(Duration.ofSeconds(10)));
        Thread.sleep(200); // closing has begun and is waiting for the request
        assertThat(closing).isNotDone();
        release.countDown();

        assertThat(pending.get(5, TimeUnit.SECONDS).body()).isEqualTo("{\"finished\":true}");
        closing.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aHandlerFailureAnswers500AndKeepsServing() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (HttpFront front = HttpFront.start(localConfig(1024), request -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            return WireResponse.json(200, "{}");
        })) {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + front.address().getPort() + "/");
            assertThat(client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(500);
            assertThat(client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        }
    }

    private static String readBody(BufferedReader in) throws Exception {
        int length = 0;
        String line;
        while (!(line = in.readLine()).isEmpty()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            read += in.read(body, read, length - read);
        }
        return new String(body);
    }
}
