package dev.bulwark.testing.kms;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for work the server does in its durable jobs (an on-demand rotation, a new replica). KMS
 * wakes the job runner when it commits such a job, so the wait is usually a few milliseconds; the
 * deadline only bounds a broken run.
 */
final class JobCompletion {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration BETWEEN_LOOKS = Duration.ofMillis(10);

    private JobCompletion() {
    }

    static void await(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The server did not finish " + what + " within " + DEADLINE.toSeconds() + " s");
            }
            try {
                Thread.sleep(BETWEEN_LOOKS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
