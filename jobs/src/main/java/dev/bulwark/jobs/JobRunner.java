package dev.bulwark.jobs;

import dev.bulwark.jobs.StoredJobs.DueJobs;
import dev.bulwark.jobs.StoredJobs.JobDocument;
import dev.bulwark.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs whose time has come, each exactly once, with the handler registered for its type.
 *
 * <p>Each job runs in its own write transaction: the job is read again inside it, its records
 * are deleted, the handler runs (and may schedule the same key again, as a rotation schedules
 * the next one), and all of it commits together. Reading again matters because the listing
 * that found the job is already stale: the job may have been cancelled, rescheduled to later,
 * or run by another runner since; a job no longer there, or no longer due, is skipped. If the
 * process dies mid-run nothing of the attempt is left and the job runs again later; if the handler throws, its writes roll back with the transaction and
 * a second, separate transaction counts the failure and moves the job to its next attempt
 * (1 s, 2 s, 4 s, ... at most an hour later), keeping only the exception's class and message.
 * That transaction first checks that the job is still exactly the one that failed (every field,
 * not the record version, which starts again at 1 when a job is cancelled and scheduled anew),
 * so a job rescheduled or run elsewhere in between is left alone.
 *
 * <p>The background thread ({@link #start}) looks for due jobs every poll interval and at once
 * after {@link #wakeUp}. Time is read from the injected clock for deciding what is due (so tests
 * move time instead of waiting); the pause between looks is measured in real time.
 *
 * <p>Several runners may share one store (on PostgreSQL, one per node). Write transactions are
 * serializable, so when two of them pick the same job only one commits its removal; the other
 * either waits and then finds the job gone, or fails to commit and is retried by the store, and
 * then finds it gone. The handler's effect therefore commits once without a lease: a lease
 * would only save the duplicate, rolled-back work, which for handlers that only write to the
 * store (the contract of {@link JobHandler}) is cheap. A handler with effects outside the store
 * would need a lease and idempotence; none exists.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);
    private static final int PAGE_SIZE = 100;
    private static final int MAX_ERROR_LENGTH = 1000;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Store store;
    private final Clock clock;
    private final StoredJobs jobs = new StoredJobs();
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private final Set<String> reportedUnknownTypes = ConcurrentHashMap.newKeySet();
    private final BackgroundLoop loop;

    /** A runner that looks for due jobs every second once started. */
    public JobRunner(Store store, Clock clock) {
        this(store, clock, DEFAULT_POLL_INTERVAL);
    }

    public JobRunner(Store store, Clock clock, Duration pollInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("The poll interval must be positive, not " + pollInterval);
        }
        this.loop = new BackgroundLoop("bulwark-jobs", pollInterval, CLOSE_WAIT, this::runDue);
    }

    /** Sets the handler of a job type; a type has one handler. */
    public void register(String type, JobHandler handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalArgumentException("Jobs of type " + type + " already have a handler");
        }
    }

    /**
     * Runs every job due now, in due order, and returns how many ran successfully. Jobs of
     * types without a handler stay pending. Safe to call from several threads and nodes at once.
     */
    public int runDue() {
        Instant now = clock.instant();
        // A handler may schedule a job due now; each job is tried once per call, so that one
        // that keeps rescheduling itself for "now" cannot hold this loop forever.
        Set<JobKey> tried = new HashSet<>();
        int ran = 0;
        Optional<String> nextPage = Optional.of("");
        while (nextPage.isPresent()) {
            String afterDueId = nextPage.get();
            DueJobs due = store.read(tx -> jobs.due(tx, now, afterDueId, PAGE_SIZE));
            for (JobKey key : due.keys()) {
                if (loop.isClosed()) {
                    return ran;
                }
                if (tried.add(key) && runIfStillDue(key, now)) {
                    ran++;
                }
            }
            nextPage = due.resumeAfter();
        }
        return ran;
    }

    /**
     * Starts the background thread and returns at once: the first look for due jobs happens on
     * that thread, so server start-up never waits for jobs.
     */
    public void start() {
        loop.start();
    }

    /**
     * Makes the background thread look for due jobs now rather than at its next poll. Call it
     * after the transaction that scheduled a job has committed: a look taken before the commit
     * cannot see the job.
     */
    public void wakeUp() {
        loop.wakeUp();
    }

    /**
     * Stops the background thread: no further job starts, and a job already running finishes
     * (commits or rolls back) before this returns, unless it takes longer than ten seconds.
     */
    @Override
    public void close() {
        loop.close();
    }

    private boolean runIfStillDue(JobKey key, Instant now) {
        JobHandler handler = handlers.get(key.type());
        if (handler == null) {
            if (reportedUnknownTypes.add(key.type())) {
                LOG.warn("Jobs of type {} are due but no handler is registered for them; they stay pending", key.type());
            }
            return false;
        }
        AtomicReference<JobDocument> attempt = new AtomicReference<>();
        try {
            return store.write(tx -> {
                // Cancelled, rescheduled to later or run elsewhere since the listing: nothing to do.
                JobDocument job = jobs.read(tx, key).filter(pending -> !pending.dueAt().isAfter(now)).orElse(null);
                attempt.set(job);
                if (job == null) {
                    return false;
                }
                // Removed before the handler runs, so that a handler may schedule its own key again
                // (the next rotation); a failure rolls the removal back with everything else.
                jobs.remove(tx, job);
                handler.run(tx, job.toJob());
                return true;
            });
        } catch (RuntimeException failure) {
            if (attempt.get() == null) {
                LOG.warn("Job {} of type {} could not be read to run: {}", key.id(), key.type(), describe(failure));
            } else {
                recordFailure(attempt.get(), failure);
            }
            return false;
        }
    }

    private void recordFailure(JobDocument failed, RuntimeException failure) {
        JobKey key = failed.key();
        int attempt = failed.failedAttempts() + 1;
        Instant retryAt = clock.instant().plus(retryDelay(attempt));
        String error = describe(failure);
        LOG.warn("Job {} of type {} failed on attempt {} ({}); next attempt at {}", key.id(), key.type(), attempt, error, retryAt);
        LOG.debug("Failure of job {} of type {}", key.id(), key.type(), failure);
        try {
            store.write(tx -> {
                jobs.read(tx, key)
                        .filter(failed::equals)
                        .ifPresent(unchanged -> jobs.recordFailure(tx, unchanged, retryAt, error));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failure of job {} of type {}: {}", key.id(), key.type(), describe(e));
        }
    }

    /** 1 s after the first failure, doubling with each further one, at most an hour. */
    static Duration retryDelay(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    /** The class and message of a failure: what is kept and logged (messages never carry secrets). */
    private static String describe(RuntimeException failure) {
        String text = failure.getMessage() == null
                ? failure.getClass().getName()
                : failure.getClass().getName() + ": " + failure.getMessage();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
