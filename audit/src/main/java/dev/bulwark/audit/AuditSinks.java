package dev.bulwark.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ways to combine audit sinks. */
public final class AuditSinks {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSinks.class);

    private AuditSinks() {
    }

    /**
     * Delivers each record to every sink in order. A failing sink does not keep the record
     * from the others; the failure is logged (without the record's content beyond its ids).
     */
    public static AuditSink fanOut(List<AuditSink> sinks) {
        List<AuditSink> all = List.copyOf(sinks);
        return record -> {
            for (AuditSink sink : all) {
                try {
                    sink.record(record);
                } catch (RuntimeException e) {
                    LOG.error("Audit sink {} failed on event {} (request {})",
                            sink.getClass().getSimpleName(), record.eventId(), record.requestId(), e);
                }
            }
        };
    }
}
