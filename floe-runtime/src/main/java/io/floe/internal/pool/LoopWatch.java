package io.floe.internal.pool;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Whether one event loop of an {@link EventLoopPool} is inside a dispatch, and since when, so that
 * another thread may write a heartbeat for its connections while a servant holds the loop (Ice's
 * timer heartbeats while its one server thread sleeps in a servant).
 *
 * <p>The lock makes such a write and the loop's own writes exclusive: while the loop is inside a
 * dispatch its flushes take the lock ({@link #lockIfDispatching}), and it leaves the dispatch only
 * under the lock, so a writer that found it inside ({@link #tryLockIfBlockedFor}) has the socket to
 * itself until it unlocks. Outside dispatches the loop takes no lock.
 */
public final class LoopWatch {
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long since; // System.nanoTime() | 1 while inside a dispatch; 0 otherwise
    private int depth; // loop only: a dispatch may run another inline (a cancellation listener, say)

    /** Loop: a dispatch starts. */
    void enter() {
        if (depth++ == 0) {
            since = System.nanoTime() | 1;
        }
    }

    /** Loop: the dispatch returned. */
    void exit() {
        if (--depth == 0) {
            lock.lock();
            try {
                since = 0;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Loop, before a flush: true (locked, so call {@link #unlock}) when inside a dispatch. */
    public boolean lockIfDispatching() {
        if (since == 0) {
            return false;
        }
        lock.lock();
        return true;
    }

    /**
     * Any other thread: true, locked (call {@link #unlock}), when the loop has been inside one
     * dispatch for at least {@code nanos}; until the unlock, the loop writes nothing and stays inside.
     */
    public boolean tryLockIfBlockedFor(long nowNanos, long nanos) {
        long started = since;
        if (started == 0 || nowNanos - started < nanos || !lock.tryLock()) {
            return false;
        }
        started = since;
        if (started == 0 || nowNanos - started < nanos) {
            lock.unlock();
            return false;
        }
        return true;
    }

    public void unlock() {
        lock.unlock();
    }
}
