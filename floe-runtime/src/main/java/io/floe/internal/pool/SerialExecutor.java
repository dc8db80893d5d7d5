package io.floe.internal.pool;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs tasks on a pool one at a time, in submission order: one connection's dispatches under
 * {@code Serialize=1}, while other connections still run in parallel.
 */
final class SerialExecutor implements Executor {
    private final Executor pool;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            next.run();
        }
    }
}
