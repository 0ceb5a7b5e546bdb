package dev.bulwark.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.jobs.StoredJobs.JobDocument;
import dev.bulwark.store.Documents;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.seal.SealedStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunnerTest {
    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
    private static final String TYPE = "test.job";
    private static final JobKey KEY = new JobKey(TYPE, "111122223333/us-east-1/key-1");
    private static final byte[] PAYLOAD = "{\"keyId\":\"key-1\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(START);
    private final StoredJobs scheduler = new StoredJobs();
    private final List<Job> runs = new ArrayList<>();
    private SealedStore store;
    private JobRunner runner;

    @BeforeEach
    void open() {
        store = TestStores.inMemory(folder, clock);
        runner = new JobRunner(store, clock);
    }

    @AfterEach
    void close() {
        runner.close();
        store.close();
    }

    @Test
    void aJobRunsAtItsTimeAndNotBefore() {
        runner.register(TYPE, recordingHandler());
        schedule(KEY, START.plusSeconds(10));

        assertThat(runner.runDue()).isZero();
        clock.advance(Duration.ofMillis(9_999));
        assertThat(runner.runDue()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(runner.runDue()).isEqualTo(1);

        assertThat(runs).singleElement().satisfies(job -> {
            assertThat(job.key()).isEqualTo(KEY);
            assertThat(job.runAt()).isEqualTo(START.plusSeconds(10));
            assertThat(job.payload()).isEqualTo(PAYLOAD);
            assertThat(job.attempt()).isEqualTo(1);
        });
        assertThat(TestStores.effects(store)).isEqualTo(1);
        assertThat(pending(KEY)).isFalse();
    }

    @Test
    void aJobThatRanDoesNotRunAgain() {
        runner.register(TYPE, recordingHandler());
        schedule(KEY, START);

        assertThat(runner.runDue()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(runner.runDue()).isZero();
        assertThat(runs).hasSize(1);
    }

    @Test
    void aCancelledJobDoesNotRun() {
        runner.register(TYPE, recordingHandler());
        schedule(KEY, START.plusSeconds(10));

        boolean cancelled = store.write(tx -> scheduler.cancel(tx, KEY));

        assertThat(cancelled).isTrue();
        clock.advance(Duration.ofSeconds(10));

        assertThat(runner.runDue()).isZero();
        assertThat(runs).isEmpty();
        assertThat(TestStores.effects(store)).isZero();
    }

    @Test
    void reschedulingReplacesTheEarlierTimeAndPayload() {
        runner.register(TYPE, recordingHandler());
        schedule(KEY, START.plusSeconds(10));
        byte[] newPayload = "{\"keyId\":\"key-1\",\"days\":30}".getBytes(StandardCharsets.UTF_8);
        store.write(tx -> {
            scheduler.schedule(tx, KEY, START.plusSeconds(20), newPayload);
            return null;
        });

        clock.advance(Duration.ofSeconds(10));
        assertThat(runner.runDue()).isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(runner.runDue()).isEqualTo(1);

        assertThat(runs).singleElement().satisfies(job -> {
            assertThat(job.runAt()).isEqualTo(START.plusSeconds(20));
            assertThat(job.payload()).isEqualTo(newPayload);
        });
    }

    @Test
    void aFailedRunLeavesNoWritesAndIsRetriedWithBackoffUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        runner.register(TYPE, (tx, job) -> {
            TestStores.writeEffect(tx, job);
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("The key is in use");
            }
            runs.add(job);
        });
        schedule(KEY, START);

        assertThat(runner.runDue()).isZero();
        assertThat(TestStores.effects(store)).isZero();
        assertThat(jobDocument(KEY).failedAttempts()).isEqualTo(1);
        assertThat(jobDocument(KEY).nextAttemptAt()).isEqualTo(START.plusSeconds(1));
        assertThat(jobDocument(KEY).lastError()).isEqualTo("java.lang.IllegalStateException: The key is in use");

        clock.advance(Duration.ofMillis(999));
        assertThat(runner.runDue()).isZero();
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(runner.runDue()).isZero();
        assertThat(calls).hasValue(2);
        assertThat(jobDocument(KEY).nextAttemptAt()).isEqualTo(START.plusSeconds(1 + 2));

        clock.advance(Duration.ofSeconds(2));
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(runs).singleElement().extracting(Job::attempt).isEqualTo(3);
        assertThat(runs.getFirst().runAt()).isEqualTo(START);
        assertThat(TestStores.effects(store)).isEqualTo(1);
        assertThat(pending(KEY)).isFalse();
    }

    @Test
    void aJobScheduledAnewWhileItsFailureIsRecordedKeepsItsNewSchedule() {
        ObservedStore observed = new ObservedStore(store);
        JobRunner failingRunner = new JobRunner(observed, clock);
        failingRunner.register(TYPE, (tx, job) -> {
            throw new IllegalStateException("The key is in use");
        });
        schedule(KEY, START);
        // The first write runs the job; before the second records its failure, a caller cancels
        // the job and schedules it again, which starts the record's version at 1 once more.
        AtomicInteger writes = new AtomicInteger();
        observed.beforeWrite = () -> {
            if (writes.incrementAndGet() == 2) {
                store.write(tx -> scheduler.cancel(tx, KEY));
                schedule(KEY, START.plusSeconds(30));
            }
        };

        assertThat(failingRunner.runDue()).isZero();

        JobDocument job = jobDocument(KEY);
        assertThat(job.runAt()).isEqualTo(START.plusSeconds(30));
        assertThat(job.failedAttempts()).isZero();
        assertThat(job.nextAttemptAt()).isNull();
        assertThat(job.lastError()).isNull();
    }

    @Test
    void aFailureDoesNotStopTheJobsDueAfterIt() {
        JobKey failing = new JobKey("test.failing", "first");
        runner.register("test.failing", (tx, job) -> {
            throw new IllegalStateException("always");
        });
        runner.register(TYPE, recordingHandler());
        schedule(failing, START.minusSeconds(1));
        schedule(KEY, START);

        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(runs).extracting(Job::key).containsExactly(KEY);
        assertThat(pending(failing)).isTrue();
    }

    @Test
    void retryDelaysDoubleFromOneSecondUpToAnHour() {
        assertThat(List.of(1, 2, 3, 4, 12, 13, 1_000, Integer.MAX_VALUE))
                .extracting(JobRunner::retryDelay)
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                        Duration.ofSeconds(2048), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void jobsOfATypeWithoutHandlerStayPendingUntilOneIsRegistered() {
        schedule(KEY, START);

        assertThat(runner.runDue()).isZero();
        assertThat(runner.runDue()).isZero();
        assertThat(pending(KEY)).isTrue();
        assertThat(jobDocument(KEY).failedAttempts()).isZero();

        runner.register(TYPE, recordingHandler());
        assertThat(runner.runDue()).isEqualTo(1);
    }

    @Test
    void jobsRunInTheOrderTheyFallDue() {
        runner.register(TYPE, recordingHandler());
        schedule(new JobKey(TYPE, "third"), START.plusSeconds(30));
        schedule(new JobKey(TYPE, "first"), START.plusSeconds(10));
        schedule(new JobKey(TYPE, "second"), START.plusSeconds(20));
        clock.advance(Duration.ofMinutes(1));

        assertThat(runner.runDue()).isEqualTo(3);
        assertThat(runs).extracting(job -> job.key().id()).containsExactly("first", "second", "third");
    }

    @Test
    void moreDueJobsThanOnePageAllRun() {
        runner.register(TYPE, recordingHandler());
        store.write(tx -> {
            for (int i = 0; i < 250; i++) {
                scheduler.schedule(tx, new JobKey(TYPE, "job-" + i), START.minusSeconds(i), PAYLOAD);
            }
            return null;
        });

        assertThat(runner.runDue()).isEqualTo(250);
        assertThat(TestStores.effects(store)).isEqualTo(250);
    }

    @Test
    void aHandlerCanScheduleTheNextRunOfItsOwnJob() {
        runner.register(TYPE, (tx, job) -> {
            runs.add(job);
            scheduler.schedule(tx, job.key(), job.runAt().plus(Duration.ofDays(365)), job.payload());
        });
        schedule(KEY, START);

        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(store.read(tx -> scheduler.find(tx, KEY)).map(Job::runAt)).contains(START.plus(Duration.ofDays(365)));

        clock.advance(Duration.ofDays(365));
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(runs).extracting(Job::runAt).containsExactly(START, START.plus(Duration.ofDays(365)));
    }

    @Test
    void aHandlerThatReschedulesItsJobForNowDoesNotLoopForever() {
        runner.register(TYPE, (tx, job) -> {
            runs.add(job);
            scheduler.schedule(tx, job.key(), clock.instant(), job.payload());
        });
        schedule(KEY, START);

        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(runs).hasSize(2);
        assertThat(pending(KEY)).isTrue();
    }

    @Test
    void aClosedRunnerStartsNoJob() {
        runner.register(TYPE, recordingHandler());
        schedule(KEY, START);

        runner.close();

        assertThat(runner.runDue()).isZero();
        assertThat(pending(KEY)).isTrue();
    }

    private JobHandler recordingHandler() {
        return (tx, job) -> {
            TestStores.writeEffect(tx, job);
            runs.add(job);
        };
    }

    private void schedule(JobKey key, Instant runAt) {
        store.write(tx -> {
            scheduler.schedule(tx, key, runAt, PAYLOAD);
            return null;
        });
    }

    private boolean pending(JobKey key) {
        return store.read(tx -> scheduler.find(tx, key)).isPresent();
    }

    private JobDocument jobDocument(JobKey key) {
        StoredRecord record = store.read(tx -> tx.get(new RecordKey(StoredJobs.JOB_NAMESPACE, "", key.type() + "/" + key.id())))
                .orElseThrow();
        return Documents.read(record.key(), record.document(), JobDocument.class);
    }
}
