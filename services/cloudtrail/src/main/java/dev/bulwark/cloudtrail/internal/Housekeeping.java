package dev.bulwark.cloudtrail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of CloudTrail besides the event writer: delivering log files every
 * delivery interval (5 minutes, as AWS delivers), writing the digests that are due, and
 * sweeping expired events every hour. One thread wakes up every few seconds and asks the
 * (injected) clock what is due, so tests move time forward and call {@link #tick()} instead
 * of waiting.
 *
 * <p>The sweep runs here rather than as a durable job because the jobs module is not yet
 * available; it needs no durability (an interrupted sweep simply runs again) but on a cluster
 * every node would sweep, which is harmless and wasteful. Delivery likewise assumes one node.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration SWEEP_INTERVAL = Duration.ofHours(1);
    private static final long WAKE_UP_SECONDS = 5;

    private final LogDelivery logs;
    private final DigestDelivery digests;
    private final EventRetention retention;
    private final Clock clock;
    private final Duration deliveryInterval;
    private ScheduledExecutorService timer;
    private Instant nextDelivery;
    private Instant nextSweep;

    public Housekeeping(LogDelivery logs, DigestDelivery digests, EventRetention retention, Clock clock,
            Duration deliveryInterval) {
        this.logs = logs;
        this.digests = digests;
        this.retention = retention;
        this.clock = clock;
        this.deliveryInterval = deliveryInterval;
        Instant now = clock.instant();
        this.nextDelivery = now.plus(deliveryInterval);
        this.nextSweep = now;
    }

    /** Finishes what a crash interrupted, then wakes up regularly until closed. */
    public void start() {
        logs.recover();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cloudtrail-housekeeping").daemon().factory());
        timer.scheduleWithFixedDelay(this::tickQuietly, WAKE_UP_SECONDS, WAKE_UP_SECONDS, TimeUnit.SECONDS);
    }

    /** Does whatever is due now. */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (!now.isBefore(nextDelivery)) {
            logs.deliver();
            nextDelivery = now.plus(deliveryInterval);
        }
        digests.run(false);
        if (!now.isBefore(nextSweep)) {
            long deleted = retention.sweep();
            if (deleted > 0) {
                LOG.info("Removed {} CloudTrail events past their retention period", deleted);
            }
            nextSweep = now.plus(SWEEP_INTERVAL);
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("CloudTrail housekeeping failed; retrying at the next wake-up", e);
        }
    }

    /**
     * Stops the timer, then delivers everything stored and closes every open digest period, so
     * that what the server logged before it stopped is on disk and signed.
     */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(1, TimeUnit.MINUTES)) {
                    LOG.warn("CloudTrail housekeeping did not finish its last round in time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                logs.deliver();
                digests.run(true);
            } catch (RuntimeException e) {
                LOG.error("Final CloudTrail delivery failed; it completes at the next start", e);
            }
        }
    }
}
