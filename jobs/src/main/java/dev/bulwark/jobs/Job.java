package dev.bulwark.jobs;

import java.time.Instant;

/**
 * A scheduled job as its handler sees it.
 *
 * @param payload a small JSON document the scheduler stored for the handler (never secret)
 * @param attempt 1 on the first run, then counting retries after failures
 */
public record Job(JobKey key, Instant runAt, byte[] payload, int attempt) {
}
