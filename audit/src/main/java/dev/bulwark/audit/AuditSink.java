package dev.bulwark.audit;

/**
 * Receives every call record. The request path calls it once per call, after the answer is
 * known and before it is sent; implementations must be fast and must not lose records
 * silently (buffer and group-commit rather than fsync per call).
 */
@FunctionalInterface
public interface AuditSink {
    void record(CallRecord record);
}
