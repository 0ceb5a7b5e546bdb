package dev.bulwark.cloudtrail.internal;

import dev.bulwark.audit.AuditSink;
import dev.bulwark.audit.CallRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable audit sink: every call record reaches the store, and no request waits for a
 * disk sync of its own.
 *
 * <h2>Design</h2>
 * Request threads put their record on a bounded in-memory queue and return. One writer thread
 * takes what has queued and keeps collecting for up to the commit interval, or until a batch's
 * worth has queued, then commits the whole batch in one store transaction (one fsync for many
 * calls: group commit). A crash therefore loses at most the records of the last interval and the
 * commit in progress, well under a second.
 *
 * <p>Nothing is dropped to keep up. When the queue is full, request threads wait for room
 * (backpressure: calls slow down rather than go unaudited). When a commit fails, the writer
 * keeps the batch and retries with growing pauses, so a store outage stalls calls instead of
 * losing their records. Only at close, after several more attempts, does it give up, and then it
 * logs the ids of every record it could not store.
 *
 * <p>{@link #flush} puts a barrier on the queue and waits until the writer has committed
 * everything ahead of it, so a reader can see the calls that completed before it asked.
 * {@link #close} stops accepting records, waits until every record accepted before has been
 * committed, and stops the writer; records offered after close are refused with an exception,
 * never ignored.
 */
public final class GroupCommitLog implements AuditSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitLog.class);
    private static final long FIRST_RETRY_PAUSE_MILLIS = 10;
    private static final long LONGEST_RETRY_PAUSE_MILLIS = 1_000;
    private static final int ATTEMPTS_WHEN_CLOSING = 5;

    /** Commits one batch durably, or throws. */
    @FunctionalInterface
    public interface BatchCommitter {
        void commit(List<CallRecord> batch);
    }

    private sealed interface Entry permits Call, Barrier {
    }

    private record Call(CallRecord record) implements Entry {
    }

    /** Completes when everything queued before it is committed; the last one stops the writer. */
    private record Barrier(CompletableFuture<Void> committed, boolean last) implements Entry {
    }

    private final BatchCommitter committer;
    private final long commitIntervalNanos;
    private final int batchSize;
    private final BlockingQueue<Entry> queue;
    /** Read-held while enqueuing, write-held to close, so nothing is enqueued behind the last barrier. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private final Thread writer;
    private boolean closed;

    public GroupCommitLog(BatchCommitter committer, Duration commitInterval, int batchSize, int queueCapacity) {
        if (batchSize < 1 || queueCapacity < batchSize) {
            throw new IllegalArgumentException("Need 1 <= batch size <= queue capacity");
        }
        this.committer = committer;
        this.commitIntervalNanos = commitInterval.toNanos();
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = Thread.ofPlatform().name("cloudtrail-writer").daemon().start(this::writeUntilClosed);
    }

    /** Queues the record; waits for room when the queue is full. */
    @Override
    public void record(CallRecord record) {
        enqueue(new Call(record));
    }

    /**
     * Waits until every record queued before this call is committed.
     *
     * @return false if that did not happen within the timeout
     */
    public boolean flush(Duration timeout) {
        Barrier barrier = new Barrier(new CompletableFuture<>(), false);
        enqueue(barrier);
        return await(barrier, timeout);
    }

    private void enqueue(Entry entry) {
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("The audit log is closed: the call cannot be recorded");
            }
            putUninterruptibly(entry);
        } finally {
            closing.readLock().unlock();
        }
    }

    /** An interrupt must not cost a record: keep waiting for room, then restore the interrupt. */
    private void putUninterruptibly(Entry entry) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(entry);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilClosed() {
        List<CallRecord> batch = new ArrayList<>(batchSize);
        List<Barrier> barriers = new ArrayList<>();
        boolean last = false;
        while (!last) {
            try {
                collect(queue.take(), batch, barriers);
                long deadline = System.nanoTime() + commitIntervalNanos;
                while (barriers.isEmpty() && batch.size() < batchSize) {
                    Entry next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    collect(next, batch, barriers);
                }
            } catch (InterruptedException e) {
                // Nobody interrupts the writer; if something does, commit what we hold and go on.
            }
            last = barriers.stream().anyMatch(Barrier::last);
            commit(batch, last);
            barriers.forEach(barrier -> barrier.committed().complete(null));
            batch.clear();
            barriers.clear();
        }
    }

    private static void collect(Entry entry, List<CallRecord> batch, List<Barrier> barriers) {
        switch (entry) {
            case Call call -> batch.add(call.record());
            case Barrier barrier -> barriers.add(barrier);
        }
    }

    private void commit(List<CallRecord> batch, boolean closingDown) {
        if (batch.isEmpty()) {
            return;
        }
        long pause = FIRST_RETRY_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                committer.commit(batch);
                return;
            } catch (RuntimeException e) {
                if (closingDown && attempt >= ATTEMPTS_WHEN_CLOSING) {
                    LOG.error("AUDIT RECORDS LOST: {} call records could not be stored before shutdown; event ids {}",
                            batch.size(), batch.stream().map(CallRecord::eventId).toList(), e);
                    return;
                }
                LOG.error("Could not store {} audit records (attempt {}); keeping them and retrying in {} ms",
                        batch.size(), attempt, pause, e);
                sleep(pause);
                pause = Math.min(pause * 2, LONGEST_RETRY_PAUSE_MILLIS);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean await(Barrier barrier, Duration timeout) {
        try {
            barrier.committed().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("The audit writer failed", e.getCause());
        }
    }

    /** Stops accepting records and returns once every accepted record is committed. Idempotent. */
    @Override
    public void close() {
        Barrier last = new Barrier(new CompletableFuture<>(), true);
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            putUninterruptibly(last);
        } finally {
            closing.writeLock().unlock();
        }
        boolean interrupted = false;
        while (true) {
            try {
                writer.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
