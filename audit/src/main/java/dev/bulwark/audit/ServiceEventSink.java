package dev.bulwark.audit;

import dev.bulwark.store.WriteTransaction;

/**
 * Receives the events services raise themselves ({@link ServiceEvent}), as part of the store
 * transaction that carries what the event reports: the event is recorded if and only if that
 * transaction commits, and once however often the work is retried. (A call record, by contrast,
 * describes an answer already given and goes to the {@link AuditSink}, which never waits for the
 * store.) A service that raises an event outside any transaction of its own opens one for it.
 */
@FunctionalInterface
public interface ServiceEventSink {
    void record(WriteTransaction tx, ServiceEvent event);
}
