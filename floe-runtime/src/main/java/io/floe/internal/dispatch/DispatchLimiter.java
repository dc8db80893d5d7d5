package io.floe.internal.dispatch;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Back-pressure for one object adapter ({@code <adapter>.MaxDispatches}): past the bound the
 * adapter stops reading from its connections until dispatches finish, so memory stays bounded
 * however many clients push. Reading resumes once the count is back under 90% of the bound.
 */
public final class DispatchLimiter {
    /** What the adapter does when reading must stop or may go on. */
    public interface Valve {
        void pauseReading();

        void resumeReading();
    }

    private final int max;
    private final int resumeAt;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean paused;
    private volatile Valve valve;

    /** {@code max} 0 or below: no bound. */
    public DispatchLimiter(int max) {
        this.max = max <= 0 ? Integer.MAX_VALUE : max;
        this.resumeAt = this.max == Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(0, this.max - Math.max(1, this.max / 10));
    }

    public void connect(Valve valve) {
        this.valve = valve;
    }

    public void acquire() {
        if (inFlight.incrementAndGet() >= max) {
            switchValve();
        }
    }

    public void release() {
        if (inFlight.decrementAndGet() <= resumeAt && paused) {
            switchValve();
        }
    }

    // Only threshold crossings take the lock; under it the flag and the valve always agree.
    private void switchValve() {
        lock.lock();
        try {
            int now = inFlight.get();
            if (!paused && now >= max) {
                paused = true;
                if (valve != null) {
                    valve.pauseReading();
                }
            } else if (paused && now <= resumeAt) {
                paused = false;
                if (valve != null) {
                    valve.resumeReading();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    public int inFlight() {
        return inFlight.get();
    }
}
