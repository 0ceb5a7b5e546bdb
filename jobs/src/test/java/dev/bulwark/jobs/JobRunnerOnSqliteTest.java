package dev.bulwark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.store.Store;
import dev.bulwark.store.seal.SealedStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs the real embedded store: files that outlive the process, readers beside a writer. */
class JobRunnerOnSqliteTest {
    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
    private static final String TYPE = "kms.delete-key";
    private static final JobKey KEY = new JobKey(TYPE, "111122223333/us-east-1/key-1");
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path dataFolder;
    private final MutableClock clock = new MutableClock(START);
    private final StoredJobs scheduler = new StoredJobs();

    @Test
    void aJobAndItsFailedAttemptsSurviveARestart() {
        try (SealedStore store = TestStores.sqlite(dataFolder, clock); JobRunner runner = new JobRunner(store, clock)) {
            runner.register(TYPE, (tx, job) -> {
                throw new IllegalStateException("not yet");
            });
            store.write(tx -> {
                scheduler.schedule(tx, KEY, START, new byte[0]);
                return null;
            });
            assertThat(runner.runDue()).isZero();
        }

        try (SealedStore store = TestStores.sqlite(dataFolder, clock); JobRunner runner = new JobRunner(store, clock)) {
            AtomicInteger attempt = new AtomicInteger();
            runner.register(TYPE, (tx, job) -> {
                attempt.set(job.attempt());
                TestStores.writeEffect(tx, job);
            });
            assertThat(runner.runDue()).as("the retry waits for its backoff across the restart").isZero();

            clock.advance(Duration.ofSeconds(1));

            assertThat(runner.runDue()).isEqualTo(1);
            assertThat(attempt).hasValue(2);
            assertThat(TestStores.effects(store)).isEqualTo(1);
            assertThat(pending(store, KEY)).isFalse();
        }
    }

    @Test
    void aJobPickedByTwoConcurrentRunsRunsOnce() throws Exception {
        try (SealedStore sqlite = TestStores.sqlite(dataFolder, clock)) {
            ObservedStore store = new ObservedStore(sqlite);
            JobRunner runner = new JobRunner(store, clock);
            CountDownLatch firstInHandler = new CountDownLatch(1);
            CountDownLatch secondListed = new CountDownLatch(1);
            AtomicInteger handlerCalls = new AtomicInteger();
            runner.register(TYPE, (tx, job) -> {
                handlerCalls.incrementAndGet();
                TestStores.writeEffect(tx, job);
                firstInHandler.countDown();
                // Hold the transaction open until the second run has listed the job as due.
                await(secondListed);
            });
            store.write(tx -> {
                scheduler.schedule(tx, KEY, START, new byte[0]);
                return null;
            });

            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> first = threads.submit(runner::runDue);
                assertThat(firstInHandler.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                store.afterRead = secondListed::countDown;
                Future<Integer> second = threads.submit(runner::runDue);

                assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
            } finally {
                threads.shutdownNow();
            }
            assertThat(secondListed.getCount()).as("the second run saw the job due").isZero();
            assertThat(handlerCalls).hasValue(1);
            assertThat(TestStores.effects(sqlite)).isEqualTo(1);
            runner.close();
        }
    }

    private boolean pending(Store store, JobKey key) {
        return store.read(tx -> scheduler.find(tx, key)).isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The second run never listed the job");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
