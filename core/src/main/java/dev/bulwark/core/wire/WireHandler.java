package dev.bulwark.core.wire;

/**
 * Answers one HTTP request. The HTTP front calls it on a virtual thread, so it may block
 * (on the store, on a KMS call) without holding up other connections.
 */
@FunctionalInterface
public interface WireHandler {
    WireResponse handle(WireRequest request);
}
