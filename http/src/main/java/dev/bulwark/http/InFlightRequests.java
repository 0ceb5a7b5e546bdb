package dev.bulwark.http;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts requests being answered, so that shutdown can wait for them to finish. */
final class InFlightRequests {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private int count;

    void started() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    void finished() {
        lock.lock();
        try {
            if (--count == 0) {
                drained.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no request is in flight or the timeout passes; returns whether all finished. */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (count > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = drained.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    int current() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

}
