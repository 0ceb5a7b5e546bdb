package dev.bulwark.secretsmanager.testing;

import dev.bulwark.audit.ServiceEvent;
import dev.bulwark.audit.ServiceEventSink;
import dev.bulwark.store.Documents;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The audit trail, as far as Secrets Manager can tell: like CloudTrail's, it writes each event into
 * the transaction it is given, so {@link #events()} lists an event only if that transaction
 * committed. {@link #failTransactionOf} makes the transaction that records a given event fail
 * after recording it, as a commit that fails would.
 */
public final class RecordingAuditTrail implements ServiceEventSink {
    private static final String NAMESPACE = "test.audit-trail";

    private final Store store;
    private final Map<String, ServiceEvent> raised = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile String failingEventName;
    private volatile BiConsumer<WriteTransaction, ServiceEvent> observer = (tx, event) -> { };

    public RecordingAuditTrail(Store store) {
        this.store = store;
    }

    /** An event record the store commits with the transaction; the ids keep the order of recording. */
    record Recorded(String eventId) {
    }

    @Override
    public void record(WriteTransaction tx, ServiceEvent event) {
        raised.put(event.eventId(), event);
        tx.put(new RecordKey(NAMESPACE, "", "%019d".formatted(sequence.incrementAndGet())),
                Documents.write(new Recorded(event.eventId())), null);
        observer.accept(tx, event);
        if (event.eventName().equals(failingEventName)) {
            failingEventName = null;
            throw new IllegalStateException("The transaction recording " + event.eventName() + " failed (as the test asked)");
        }
    }

    /** Lets a test look into the transaction each event is recorded in, as it is recorded. */
    public void whileRecording(BiConsumer<WriteTransaction, ServiceEvent> observer) {
        this.observer = observer;
    }

    /** The next transaction that records an event of this name fails after recording it. */
    public void failTransactionOf(String eventName) {
        failingEventName = eventName;
    }

    /** The events whose transactions committed, in the order they were recorded. */
    public List<ServiceEvent> events() {
        return store.read(tx -> tx.list(NAMESPACE, "", "", "", 1000)).records().stream()
                .map(r -> raised.get(Documents.read(r.key(), r.document(), Recorded.class).eventId()))
                .toList();
    }

    public List<String> eventNames() {
        return events().stream().map(ServiceEvent::eventName).toList();
    }
}
