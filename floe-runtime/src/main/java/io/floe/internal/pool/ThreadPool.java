package io.floe.internal.pool;

import java.util.concurrent.Executor;

/**
 * Where dispatches (or, for the client pool, reply decoding and future completions) run. Ice's
 * pools run one connection's messages in order when Serialize is set; {@link #forConnection}
 * gives each connection the executor that honours it.
 */
public interface ThreadPool extends Executor {
    /** The executor for one connection's messages: serial when the pool serializes. */
    Executor forConnection();

    /** Stops taking work; tasks already queued still run. */
    void shutdown();

    /** Waits, bounded, for the tasks to finish. */
    boolean awaitTermination(long millis) throws InterruptedException;

    /** Threads currently running tasks (for diagnostics and tests). */
    int activeCount();

    /** Threads the pool has now (0 for virtual threads). */
    int poolSize();

    static ThreadPool create(ThreadPoolSettings settings) {
        if (settings.virtual()) {
            ThreadPool virtual = VirtualThreadPool.createIfSupported(settings);
            if (virtual != null) {
                return virtual;
            }
        }
        return new ElasticThreadPool(settings);
    }
}
