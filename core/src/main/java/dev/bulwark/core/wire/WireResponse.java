package dev.bulwark.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response as the platform produces it, independent of Netty. */
public record WireResponse(int status, Map<String, String> headers, byte[] body) {

    public WireResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static WireResponse of(int status, String contentType, byte[] body) {
        return new WireResponse(status, Map.of("Content-Type", contentType), body);
    }

    public static WireResponse json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public WireResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new WireResponse(status, all, body);
    }
}
