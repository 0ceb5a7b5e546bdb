package dev.bulwark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.store.seal.SealedStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background thread. Waits are bounded; none of them waits for the poll interval to pass by itself. */
class JobRunnerThreadTest {
    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
    private static final String TYPE = "test.job";
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(START);
    private final StoredJobs scheduler = new StoredJobs();
    private SealedStore store;

    @BeforeEach
    void open() {
        store = TestStores.inMemory(folder, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theBackgroundThreadRunsJobsAsTheyFallDueAndStopsOnClose() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<Thread> runningThread = new AtomicReference<>();
        JobRunner runner = new JobRunner(store, clock, Duration.ofMillis(10));
        runner.register(TYPE, (tx, job) -> {
            runningThread.set(Thread.currentThread());
            TestStores.writeEffect(tx, job);
            ran.countDown();
        });
        runner.start();
        schedule(new JobKey(TYPE, "later"), START.plusSeconds(60));

        clock.advance(Duration.ofSeconds(60));

        assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        runner.close();
        assertThat(runningThread.get().isAlive()).isFalse();
        assertThat(TestStores.effects(store)).isEqualTo(1);
    }

    @Test
    void wakeUpLooksForDueJobsWithoutWaitingForThePoll() throws InterruptedException {
        CountDownLatch firstLookDone = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(1);
        try (JobRunner runner = new JobRunner(store, clock, Duration.ofHours(1))) {
            runner.register("test.marker", (tx, job) -> firstLookDone.countDown());
            runner.register(TYPE, (tx, job) -> ran.countDown());
            schedule(new JobKey("test.marker", "first-look"), START);
            schedule(new JobKey(TYPE, "later"), START.plusSeconds(60));
            runner.start();
            assertThat(firstLookDone.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

            clock.advance(Duration.ofSeconds(60));
            runner.wakeUp();

            assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeLetsTheRunningJobCommit() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch closing = new CountDownLatch(1);
        JobRunner runner = new JobRunner(store, clock, Duration.ofHours(1));
        runner.register(TYPE, (tx, job) -> {
            entered.countDown();
            awaitOrFail(closing);
            TestStores.writeEffect(tx, job);
        });
        JobKey key = new JobKey(TYPE, "running");
        schedule(key, START);
        runner.start();
        assertThat(entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            Future<?> closed = closer.submit(() -> {
                closing.countDown();
                runner.close();
            });
            closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            closer.shutdownNow();
        }

        assertThat(TestStores.effects(store)).isEqualTo(1);
        assertThat(pending(key)).isFalse();
    }

    @Test
    void startReturnsWhileADueJobIsStillRunning() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobKey key = new JobKey(TYPE, "slow");
        JobRunner runner = new JobRunner(store, clock);
        runner.register(TYPE, (tx, job) -> {
            entered.countDown();
            // Were start() running jobs on the caller's thread, nothing would release this wait.
            awaitOrFail(release);
            TestStores.writeEffect(tx, job);
        });
        schedule(key, START);

        runner.start();
        assertThat(entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        runner.close();

        assertThat(TestStores.effects(store)).isEqualTo(1);
        assertThat(pending(key)).isFalse();
    }

    private void schedule(JobKey key, Instant runAt) {
        store.write(tx -> {
            scheduler.schedule(tx, key, runAt, new byte[0]);
            return null;
        });
    }

    private boolean pending(JobKey key) {
        return store.read(tx -> scheduler.find(tx, key)).isPresent();
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test did not release the handler");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
