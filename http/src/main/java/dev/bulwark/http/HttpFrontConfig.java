package dev.bulwark.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP front.
 *
 * @param bindAddress      the address to listen on ({@code 127.0.0.1} unless exposed on purpose)
 * @param port             the port; 0 picks a free one (tests)
 * @param maxRequestBytes  the largest request body accepted; larger ones are refused with 413
 *                         before they are buffered
 * @param idleTimeout      how long a keep-alive connection may sit idle before it is closed
 */
public record HttpFrontConfig(String bindAddress, int port, int maxRequestBytes, Duration idleTimeout) {

    /** AWS's own limit for most JSON APIs is far lower; 8 MiB leaves room for large policies and blobs. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 8 * 1024 * 1024;

    public HttpFrontConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive");
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    public static HttpFrontConfig of(String bindAddress, int port) {
        return new HttpFrontConfig(bindAddress, port, DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(60));
    }
}
