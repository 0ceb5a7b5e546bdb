package dev.bulwark.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the platform sees it, independent of Netty: what SigV4, the protocol
 * binders and the gateway read. Header names are matched case-insensitively.
 *
 * @param method     {@code GET}, {@code POST}, ...
 * @param rawPath    the path exactly as sent, still percent-encoded (SigV4 signs it so)
 * @param rawQuery   the query string exactly as sent, without {@code ?}; empty if none
 * @param headers    every header, each with all its values in order
 * @param body       the complete body
 * @param remoteAddress the client's IP address
 * @param secure     whether the request came over TLS
 */
public record WireRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String remoteAddress,
        boolean secure) {

    public WireRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values), (a, b) -> {
            var all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = java.util.Collections.unmodifiableMap(byName);
        body = body == null ? new byte[0] : body;
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The decoded query parameters, each with all its values in order. */
    public Map<String, List<String>> queryParameters() {
        return FormEncoding.decode(rawQuery);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type of the body without parameters, lower case; empty if none was sent. */
    public String mediaType() {
        return header("Content-Type")
                .map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
    }
}
