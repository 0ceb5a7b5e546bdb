package dev.bulwark.jobs;

import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Jobs kept as records in the store; this class is their storage schema.
 *
 * <p>Each pending job has two records, written and removed together in one transaction:
 * <pre>
 *   jobs.job  ""  type/id                       the job: runAt, payload, failed attempts, last error
 *   jobs.due  ""  dueMillis/type/id             an index entry ordered by the time the job is due
 * </pre>
 * The store lists records in id order only, so the due entry's id starts with the due time in
 * epoch milliseconds, zero-padded to 19 digits (every non-negative long) and rounded up, so that
 * listing {@code jobs.due} from the start yields jobs in the order they fall due and the scan
 * can stop at the first entry that lies in the future. A job is due at its {@code runAt}, or
 * at {@code nextAttemptAt} once it has failed; moving that time moves the entry.
 */
public final class StoredJobs implements JobScheduler {
    static final String JOB_NAMESPACE = "jobs.job";
    static final String DUE_NAMESPACE = "jobs.due";
    private static final String SCOPE = "";
    private static final int MILLIS_DIGITS = 19;
    private static final long NANOS_PER_MILLI = 1_000_000;

    /** The document of a job record. {@code nextAttemptAt} and {@code lastError} are null until a run failed. */
    record JobDocument(
            String type,
            String id,
            Instant runAt,
            byte[] payload,
            int failedAttempts,
            Instant nextAttemptAt,
            String lastError) {

        JobKey key() {
            return new JobKey(type, id);
        }

        Instant dueAt() {
            return nextAttemptAt != null ? nextAttemptAt : runAt;
        }

        Job toJob() {
            return new Job(key(), runAt, payload.clone(), failedAttempts + 1);
        }

        JobDocument failed(Instant retryAt, String error) {
            return new JobDocument(type, id, runAt, payload, failedAttempts + 1, retryAt, error);
        }

        /** Equal when every field is, the payload compared by content. */
        @Override
        public boolean equals(Object other) {
            return other instanceof JobDocument that
                    && type.equals(that.type)
                    && id.equals(that.id)
                    && runAt.equals(that.runAt)
                    && Arrays.equals(payload, that.payload)
                    && failedAttempts == that.failedAttempts
                    && Objects.equals(nextAttemptAt, that.nextAttemptAt)
                    && Objects.equals(lastError, that.lastError);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, id, runAt, Arrays.hashCode(payload), failedAttempts, nextAttemptAt, lastError);
        }
    }

    /** The document of a due entry: the job it points to. */
    record DueDocument(String type, String id) {
    }

    /**
     * Keys of jobs due in one page of the index, in due order.
     *
     * @param resumeAfter where the next page starts; empty when no further entry is due
     */
    record DueJobs(List<JobKey> keys, Optional<String> resumeAfter) {
    }

    @Override
    public void schedule(WriteTransaction tx, JobKey key, Instant runAt, byte[] payload) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(payload, "payload");
        read(tx, key).ifPresent(replaced -> tx.delete(dueKey(replaced)));
        write(tx, new JobDocument(key.type(), key.id(), runAt, payload.clone(), 0, null, null));
    }

    @Override
    public boolean cancel(WriteTransaction tx, JobKey key) {
        Optional<JobDocument> pending = read(tx, key);
        pending.ifPresent(job -> remove(tx, job));
        return pending.isPresent();
    }

    @Override
    public Optional<Job> find(ReadTransaction tx, JobKey key) {
        return read(tx, key).map(JobDocument::toJob);
    }

    Optional<JobDocument> read(ReadTransaction tx, JobKey key) {
        return tx.get(jobKey(key)).map(record -> Documents.read(record.key(), record.document(), JobDocument.class));
    }

    void remove(WriteTransaction tx, JobDocument job) {
        tx.delete(jobKey(job.key()));
        tx.delete(dueKey(job));
    }

    /** Counts a failed run and moves the job to its next attempt. */
    void recordFailure(WriteTransaction tx, JobDocument job, Instant retryAt, String error) {
        tx.delete(dueKey(job));
        write(tx, job.failed(retryAt, error));
    }

    /** The jobs due at {@code now} among the index entries after {@code afterDueId} (empty: from the start). */
    DueJobs due(ReadTransaction tx, Instant now, String afterDueId, int limit) {
        String nowMillis = paddedMillis(indexMillis(now, false));
        Page page = tx.list(DUE_NAMESPACE, SCOPE, "", afterDueId, limit);
        List<JobKey> keys = new ArrayList<>();
        for (StoredRecord entry : page.records()) {
            if (entry.key().id().substring(0, MILLIS_DIGITS).compareTo(nowMillis) > 0) {
                return new DueJobs(keys, Optional.empty());
            }
            DueDocument due = Documents.read(entry.key(), entry.document(), DueDocument.class);
            keys.add(new JobKey(due.type(), due.id()));
        }
        return new DueJobs(keys, page.nextAfterId());
    }

    private static void write(WriteTransaction tx, JobDocument job) {
        tx.put(jobKey(job.key()), Documents.write(job), null);
        tx.put(dueKey(job), Documents.write(new DueDocument(job.type(), job.id())), null);
    }

    private static RecordKey jobKey(JobKey key) {
        return new RecordKey(JOB_NAMESPACE, SCOPE, key.type() + "/" + key.id());
    }

    private static RecordKey dueKey(JobDocument job) {
        return new RecordKey(DUE_NAMESPACE, SCOPE, paddedMillis(indexMillis(job.dueAt(), true)) + "/" + job.type() + "/" + job.id());
    }

    /**
     * A time as the index orders it. Due times are rounded up to the millisecond and "now" down,
     * so an entry listed as due is never early; times before 1970 count as 1970 and times past
     * the range of a long as its end, so every time has a place in the fixed-width order.
     */
    private static long indexMillis(Instant time, boolean roundUp) {
        if (time.isBefore(Instant.EPOCH)) {
            return 0;
        }
        try {
            long millis = time.toEpochMilli();
            return roundUp && time.getNano() % NANOS_PER_MILLI != 0 ? Math.addExact(millis, 1) : millis;
        } catch (ArithmeticException beyondLong) {
            return Long.MAX_VALUE;
        }
    }

    private static String paddedMillis(long millis) {
        String digits = Long.toString(millis);
        return "0".repeat(MILLIS_DIGITS - digits.length()) + digits;
    }
}
