package io.floe.internal.pool;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool with Ice's sizing: {@code Size} threads always, growing to {@code SizeMax} while every
 * thread is busy, and shrinking back after {@code ThreadIdleTime}. A plain ThreadPoolExecutor only
 * grows once its queue is full; here the queue refuses a task while a new thread may still be
 * started and none is idle.
 */
final class ElasticThreadPool implements ThreadPool {
    private static final Logger log = LoggerFactory.getLogger(ElasticThreadPool.class);

    private final ThreadPoolSettings settings;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger outstanding = new AtomicInteger(); // queued or running
    private final AtomicBoolean warned = new AtomicBoolean();

    ElasticThreadPool(ThreadPoolSettings settings) {
        this.settings = settings;
        GrowFirstQueue queue = new GrowFirstQueue();
        long idleMillis = settings.threadIdleTime().toMillis();
        this.executor = new ThreadPoolExecutor(settings.size(), settings.sizeMax(),
                idleMillis == 0 ? Long.MAX_VALUE : idleMillis, TimeUnit.MILLISECONDS, queue,
                threadFactory(settings.prefix()), (task, pool) -> {
                    // Lost the race for the last thread slot: queue the task after all.
                    if (pool.isShutdown() || !queue.enqueue(task)) {
                        throw new RejectedExecutionException(settings.prefix() + " is shut down");
                    }
                });
        queue.pool = this;
    }

    @Override
    public void execute(Runnable task) {
        outstanding.incrementAndGet();
        try {
            executor.execute(() -> {
                int inUse = busy.incrementAndGet();
                warnIfLow(inUse);
                try {
                    task.run();
                } finally {
                    busy.decrementAndGet();
                    outstanding.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            outstanding.decrementAndGet();
            throw e;
        }
    }

    private void warnIfLow(int inUse) {
        int sizeWarn = settings.sizeWarn();
        if (sizeWarn > 0 && inUse >= sizeWarn) {
            if (warned.compareAndSet(false, true)) {
                log.warn("thread pool '{}' is running low on threads: {} of {} busy (SizeWarn={})",
                        settings.prefix(), inUse, settings.sizeMax(), sizeWarn);
            }
        } else if (sizeWarn > 0 && inUse < sizeWarn - 1) {
            warned.set(false);
        }
    }

    @Override
    public Executor forConnection() {
        return settings.serialize() ? new SerialExecutor(this) : this;
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }

    @Override
    public boolean awaitTermination(long millis) throws InterruptedException {
        return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int poolSize() {
        return executor.getPoolSize();
    }

    /** True when a new thread may be started because there is more work than threads. */
    private boolean shouldGrow() {
        if (settings.size() == settings.sizeMax()) {
            return false; // a fixed pool never grows (and getPoolSize takes the executor's lock)
        }
        int threads = executor.getPoolSize();
        return threads < executor.getMaximumPoolSize() && outstanding.get() > threads;
    }

    private static ThreadFactory threadFactory(String prefix) {
        String name = threadName(prefix);
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code Ice.ThreadPool.Server} → floe-server, {@code Hello.ThreadPool} → floe-Hello. */
    static String threadName(String prefix) {
        String name = prefix.startsWith("Ice.ThreadPool.") ? prefix.substring("Ice.ThreadPool.".length())
                : prefix.replace(".ThreadPool", "");
        return "floe-" + (name.equals("Server") || name.equals("Client") ? name.toLowerCase() : name);
    }

    private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        private transient ElasticThreadPool pool;

        @Override
        public boolean offer(Runnable task) {
            if (pool != null && pool.shouldGrow()) {
                return false; // the executor starts a thread for it
            }
            return super.offer(task);
        }

        boolean enqueue(Runnable task) {
            return super.offer(task);
        }
    }
}
