package dev.bulwark.jobs;

import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.Optional;

/**
 * Schedules durable jobs. Scheduling happens inside the caller's store transaction, so the
 * state change that needs a job (a key pending deletion) and the job itself commit together
 * or not at all.
 */
public interface JobScheduler {

    /** Schedules (or reschedules) a job to run at or after {@code runAt}. */
    void schedule(WriteTransaction tx, JobKey key, Instant runAt, byte[] payload);

    /** Cancels a pending job; returns whether one was pending. */
    boolean cancel(WriteTransaction tx, JobKey key);

    /** The pending job of that key, if any. */
    Optional<Job> find(ReadTransaction tx, JobKey key);
}
