package dev.bulwark.server;

import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.core.wire.WireResponse;
import dev.bulwark.server.gateway.ServiceRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bulwark's own endpoints under {@code /_bulwark/}, beside the AWS APIs:
 * {@code GET /_bulwark/health} answers once the server is ready; {@code POST /_bulwark/reset}
 * wipes all state except the bootstrap identity (and applies the KMS seed file again), when the
 * server was started to allow it.
 */
final class AdminEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PREFIX = "/_bulwark/";

    private final ServiceRegistry services;
    private final Runnable reset;
    private final boolean resetAllowed;
    private final String version;

    AdminEndpoints(ServiceRegistry services, Runnable reset, boolean resetAllowed, String version) {
        this.services = services;
        this.reset = reset;
        this.resetAllowed = resetAllowed;
        this.version = version;
    }

    static boolean handles(WireRequest request) {
        return request.rawPath().startsWith(PREFIX);
    }

    WireResponse handle(WireRequest request) {
        String endpoint = request.rawPath().substring(PREFIX.length());
        return switch (endpoint) {
            case "health" -> request.method().equals("GET") || request.method().equals("HEAD")
                    ? health() : methodNotAllowed("GET");
            case "reset" -> request.method().equals("POST") ? reset() : methodNotAllowed("POST");
            default -> error(404, "No such endpoint: " + PREFIX + endpoint);
        };
    }

    private WireResponse health() {
        ObjectNode body = JSON.createObjectNode().put("status", "ok").put("version", version);
        ArrayNode names = body.putArray("services");
        services.all().forEach(entry -> names.add(entry.descriptor().signingName()));
        return json(200, body);
    }

    private WireResponse reset() {
        if (!resetAllowed) {
            return error(403, "Reset is disabled; start the server with --enable-reset or --dev to allow it.");
        }
        reset.run();
        return json(200, JSON.createObjectNode().put("status", "reset"));
    }

    private static WireResponse methodNotAllowed(String allowed) {
        return error(405, "Use " + allowed).withHeader("Allow", allowed);
    }

    private static WireResponse error(int status, String message) {
        return json(status, JSON.createObjectNode().put("error", message));
    }

    private static WireResponse json(int status, ObjectNode body) {
        return WireResponse.json(status, body.toString());
    }
}
