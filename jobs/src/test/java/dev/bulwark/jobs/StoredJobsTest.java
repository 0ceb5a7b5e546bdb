package dev.bulwark.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.store.Page;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.seal.SealedStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredJobsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final JobKey KEY = new JobKey("kms.delete-key", "111122223333/us-east-1/1234abcd");
    private static final byte[] PAYLOAD = "{\"reason\":\"scheduled\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;
    private final StoredJobs jobs = new StoredJobs();
    private SealedStore store;

    @BeforeEach
    void openStore() {
        store = TestStores.inMemory(folder, new MutableClock(NOW));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void findReturnsTheScheduledJobAsItsFirstAttempt() {
        schedule(KEY, NOW.plusSeconds(60));

        Job job = find(KEY).orElseThrow();

        assertThat(job.key()).isEqualTo(KEY);
        assertThat(job.runAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(job.payload()).isEqualTo(PAYLOAD);
        assertThat(job.attempt()).isEqualTo(1);
    }

    @Test
    void reschedulingKeepsOneJobAndOneIndexEntry() {
        schedule(KEY, NOW.plusSeconds(60));
        schedule(KEY, NOW.plusSeconds(120));

        assertThat(find(KEY).orElseThrow().runAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(records(StoredJobs.JOB_NAMESPACE)).hasSize(1);
        assertThat(records(StoredJobs.DUE_NAMESPACE)).hasSize(1);
    }

    @Test
    void cancelRemovesTheJobAndItsIndexEntry() {
        schedule(KEY, NOW.plusSeconds(60));

        assertThat(cancel(KEY)).isTrue();
        assertThat(cancel(KEY)).isFalse();
        assertThat(find(KEY)).isEmpty();
        assertThat(records(StoredJobs.JOB_NAMESPACE)).isEmpty();
        assertThat(records(StoredJobs.DUE_NAMESPACE)).isEmpty();
    }

    @Test
    void dueListsJobsInDueOrderUpToNow() {
        JobKey later = new JobKey("test.job", "later");
        JobKey sooner = new JobKey("test.job", "sooner");
        JobKey future = new JobKey("test.job", "future");
        // 10 s is 10_000 ms, which sorts after 9_000 ms only because the millis are zero-padded.
        schedule(later, NOW.plusSeconds(10));
        schedule(sooner, NOW.plusSeconds(9));
        schedule(future, NOW.plusSeconds(11));

        StoredJobs.DueJobs due = store.read(tx -> jobs.due(tx, NOW.plusSeconds(10), "", 100));

        assertThat(due.keys()).containsExactly(sooner, later);
        assertThat(due.resumeAfter()).isEmpty();
    }

    @Test
    void aJobDueWithinAMillisecondIsNotListedEarly() {
        schedule(KEY, NOW.plusNanos(500_000));

        assertThat(store.read(tx -> jobs.due(tx, NOW, "", 100)).keys()).isEmpty();
        assertThat(store.read(tx -> jobs.due(tx, NOW.plusMillis(1), "", 100)).keys()).containsExactly(KEY);
    }

    @Test
    void timesOutsideTheIndexRangeStillOrder() {
        JobKey past = new JobKey("test.job", "before-1970");
        JobKey farFuture = new JobKey("test.job", "far-future");
        schedule(past, Instant.parse("1900-01-01T00:00:00Z"));
        schedule(farFuture, Instant.MAX);

        assertThat(store.read(tx -> jobs.due(tx, NOW, "", 100)).keys()).containsExactly(past);
    }

    @Test
    void dueSaysWhereTheNextPageStarts() {
        for (int i = 0; i < 3; i++) {
            schedule(new JobKey("test.job", "job-" + i), NOW.minusSeconds(3 - i));
        }

        StoredJobs.DueJobs first = store.read(tx -> jobs.due(tx, NOW, "", 2));
        StoredJobs.DueJobs second = store.read(tx -> jobs.due(tx, NOW, first.resumeAfter().orElseThrow(), 2));

        assertThat(first.keys()).extracting(JobKey::id).containsExactly("job-0", "job-1");
        assertThat(second.keys()).extracting(JobKey::id).containsExactly("job-2");
        assertThat(second.resumeAfter()).isEmpty();
    }

    @Test
    void jobIdsMayHoldSlashesButTypesMayNot() {
        JobKey a = new JobKey("test.job", "b/c");
        schedule(a, NOW);

        assertThat(find(a)).isPresent();
        assertThatThrownBy(() -> new JobKey("test.job/b", "c")).isInstanceOf(IllegalArgumentException.class);
    }

    private void schedule(JobKey key, Instant runAt) {
        store.write(tx -> {
            jobs.schedule(tx, key, runAt, PAYLOAD);
            return null;
        });
    }

    private Optional<Job> find(JobKey key) {
        return store.read(tx -> jobs.find(tx, key));
    }

    private boolean cancel(JobKey key) {
        return store.write(tx -> jobs.cancel(tx, key));
    }

    private List<StoredRecord> records(String namespace) {
        return store.read(tx -> {
            Page page = tx.list(namespace, "", "", "", 100);
            assertThat(page.nextAfterId()).isEqualTo(Optional.empty());
            return page.records();
        });
    }
}
