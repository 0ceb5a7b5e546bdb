package dev.bulwark.jobs;

import dev.bulwark.store.WriteTransaction;

/**
 * Runs jobs of one type. The handler's writes and the removal of the job commit in the same
 * transaction, so a job's effect happens exactly once even if the process dies mid-run (it
 * then runs again, its earlier attempt having left no trace). Handlers therefore must not
 * have effects outside the store; a handler that throws is retried later with backoff. A handler
 * may schedule its own job key again (a rotation scheduling the next one): the job is removed
 * before the handler runs, so the new schedule is what remains.
 */
@FunctionalInterface
public interface JobHandler {
    void run(WriteTransaction tx, Job job);
}
