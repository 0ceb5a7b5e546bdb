package dev.bulwark.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that runs one pass of work every interval, and at once after
 * {@link #wakeUp()}, until closed: the shape of the job runner and of Secrets Manager's rotation
 * runner. A pass that throws is logged and the loop goes on at the next interval.
 *
 * <p>{@link #close()} lets a pass in progress finish (up to the close wait) and starts no
 * further one; passes that loop over many items check {@link #isClosed()} between items.
 */
public final class BackgroundLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String threadName;
    private final Duration interval;
    private final Duration closeWait;
    private final Runnable pass;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUpSignal = lock.newCondition();
    private boolean wakeUpRequested;
    private Thread thread;
    private volatile boolean closed;

    public BackgroundLoop(String threadName, Duration interval, Duration closeWait, Runnable pass) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.closeWait = Objects.requireNonNull(closeWait, "closeWait");
        this.pass = Objects.requireNonNull(pass, "pass");
    }

    /** Starts the thread and returns at once; the first pass runs on that thread. */
    public void start() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException(threadName + " is closed");
            }
            if (thread != null) {
                throw new IllegalStateException(threadName + " is already started");
            }
            thread = Thread.ofPlatform().name(threadName).daemon().start(this::runUntilClosed);
        } finally {
            lock.unlock();
        }
    }

    /** Makes the thread run a pass now rather than at the end of its interval. */
    public void wakeUp() {
        lock.lock();
        try {
            wakeUpRequested = true;
            wakeUpSignal.signal();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Starts no further pass and waits, up to the close wait, for the one in progress. */
    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            closed = true;
            wakeUpSignal.signal();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        try {
            if (!running.join(closeWait)) {
                LOG.warn("{} was still working {} s after it was asked to stop; no longer waiting for it",
                        threadName, closeWait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runUntilClosed() {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            try {
                pass.run();
            } catch (RuntimeException e) {
                LOG.error("A pass of {} failed; trying again in {}", threadName, interval, e);
            }
            awaitNextPass();
        }
    }

    private void awaitNextPass() {
        lock.lock();
        try {
            long remainingNanos = interval.toNanos();
            while (!wakeUpRequested && !closed && remainingNanos > 0) {
                remainingNanos = wakeUpSignal.awaitNanos(remainingNanos);
            }
            wakeUpRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
