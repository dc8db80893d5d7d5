package io.floe.internal.dispatch;

import io.floe.LocalException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The collocated dispatches of one adapter still waiting for their answer. They belong to no
 * connection, so a shutdown waits for them here and, past its grace period, answers them here,
 * as it does for the requests of its connections.
 */
public final class CollocatedDispatches {
    private final Set<InFlightDispatch> pending = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private volatile boolean awaited; // a shutdown waits: only then does the last one to end signal

    public void track(InFlightDispatch dispatch) {
        pending.add(dispatch);
    }

    public void ended(InFlightDispatch dispatch) {
        if (pending.remove(dispatch) && awaited && pending.isEmpty()) {
            lock.lock();
            try {
                drained.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    public int size() {
        return pending.size();
    }

    /** Waits until none is pending; false when {@code millis} passed first. */
    boolean awaitNone(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        awaited = true; // before the check below, which ended() signals under the same lock
        lock.lock();
        try {
            while (!pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                drained.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The end of a shutdown's grace period: each pending dispatch is answered with {@code error}. */
    void answerPendingWith(LocalException error) {
        List.copyOf(pending).forEach(d -> d.answerInstead(error));
    }
}
