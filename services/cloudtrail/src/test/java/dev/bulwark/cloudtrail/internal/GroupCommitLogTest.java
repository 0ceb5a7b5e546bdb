package dev.bulwark.cloudtrail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.cloudtrail.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GroupCommitLogTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** Collects committed batches. */
    private static final class Committed implements GroupCommitLog.BatchCommitter {
        final List<List<CallRecord>> batches = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void commit(List<CallRecord> batch) {
            batches.add(List.copyOf(batch));
        }

        Set<String> eventIds() {
            Set<String> ids = new HashSet<>();
            synchronized (batches) {
                batches.forEach(batch -> batch.forEach(call -> ids.add(call.eventId())));
            }
            return ids;
        }

        int records() {
            synchronized (batches) {
                return batches.stream().mapToInt(List::size).sum();
            }
        }
    }

    @Test
    void concurrentCallersLoseNothingOnceTheLogIsClosed() throws Exception {
        Committed committed = new Committed();
        GroupCommitLog log = new GroupCommitLog(committed, Duration.ofMillis(20), 100, 1_000);
        int threads = 8;
        int perThread = 5_000;
        Set<String> recorded = Collections.synchronizedSet(new HashSet<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    CallRecord call = Fixtures.call("Encrypt", NOW);
                    log.record(call);
                    recorded.add(call.eventId());
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        log.close();

        assertThat(committed.records()).isEqualTo(threads * perThread);
        assertThat(committed.eventIds()).isEqualTo(recorded);
        assertThat(committed.batches.size()).as("calls share commits").isLessThan(threads * perThread / 10);
        assertThat(committed.batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(100));
    }

    @Test
    void aFullQueueMakesCallersWaitInsteadOfDroppingRecords() throws Exception {
        CountDownLatch storeIsBack = new CountDownLatch(1);
        Committed committed = new Committed();
        GroupCommitLog log = new GroupCommitLog(batch -> {
            awaitQuietly(storeIsBack);
            committed.commit(batch);
        }, Duration.ofMillis(1), 2, 4);
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 20; i++) {
                log.record(Fixtures.call("Encrypt", NOW));
            }
        });
        // The writer holds one batch in a stalled commit and the queue holds four more: the producer must wait.
        awaitState(producer, Thread.State.WAITING);
        assertThat(committed.records()).isZero();

        storeIsBack.countDown();
        producer.join();
        log.close();
        assertThat(committed.records()).isEqualTo(20);
    }

    @Test
    void aFailingStoreIsRetriedUntilItTakesTheBatch() {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        Committed committed = new Committed();
        GroupCommitLog log = new GroupCommitLog(batch -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database is locked");
            }
            committed.commit(batch);
        }, Duration.ofMillis(1), 10, 100);
        CallRecord call = Fixtures.call("Decrypt", NOW);
        log.record(call);
        log.close();

        assertThat(committed.eventIds()).containsExactly(call.eventId());
    }

    @Test
    void flushReturnsOnceEverythingRecordedBeforeIsCommitted() {
        Committed committed = new Committed();
        // A long commit interval: without the flush, the batch would wait for it.
        GroupCommitLog log = new GroupCommitLog(committed, Duration.ofMinutes(10), 1_000, 10_000);
        CallRecord call = Fixtures.call("Encrypt", NOW);
        log.record(call);

        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(committed.eventIds()).containsExactly(call.eventId());
        log.close();
    }

    @Test
    void aRecordOfferedAfterCloseIsRefusedNotIgnored() {
        GroupCommitLog log = new GroupCommitLog(new Committed(), Duration.ofMillis(1), 1, 1);
        log.close();

        assertThatThrownBy(() -> log.record(Fixtures.call("Encrypt", NOW)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(1);
        }
        assertThat(thread.getState()).isEqualTo(state);
    }
}
