package dev.bulwark.kms.testing;

import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A scheduler that keeps pending jobs in memory and runs the due ones when a test says so, in a
 * store transaction of their own, as the job runner does.
 */
public final class RecordingJobScheduler implements JobScheduler {
    private final Map<JobKey, Job> pending = new LinkedHashMap<>();

    @Override
    public void schedule(WriteTransaction tx, JobKey key, Instant runAt, byte[] payload) {
        pending.put(key, new Job(key, runAt, payload, 1));
    }

    @Override
    public boolean cancel(WriteTransaction tx, JobKey key) {
        return pending.remove(key) != null;
    }

    @Override
    public Optional<Job> find(ReadTransaction tx, JobKey key) {
        return Optional.ofNullable(pending.get(key));
    }

    public Map<JobKey, Job> pending() {
        return Map.copyOf(pending);
    }

    /** Runs and removes every job due at {@code now} whose type has a handler. */
    public void runDue(Store store, Instant now, Map<String, JobHandler> handlers) {
        for (Job job : pending.values().stream().filter(job -> !job.runAt().isAfter(now)).toList()) {
            JobHandler handler = handlers.get(job.key().type());
            if (handler != null) {
                store.write(tx -> {
                    handler.run(tx, job);
                    return null;
                });
                pending.remove(job.key());
            }
        }
    }
}
