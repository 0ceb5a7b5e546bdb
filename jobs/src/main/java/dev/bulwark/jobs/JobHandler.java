package dev.bulwark.jobs;

import dev.bulwark.store.WriteTransaction;

/**
 * Runs jobs of one type. The handler's writes and the removal of the job commit in the same
 * transaction, so a job's effect happens exactly once even if the process dies mid-run (it
 * then runs again, its earlier attempt having left no trace). Handlers therefore must not
 * have effects outside the store; a handler that throws is retried later with backoff.
 */
@FunctionalInterface
public interface JobHandler {
    void run(WriteTransaction tx, Job job);
}
