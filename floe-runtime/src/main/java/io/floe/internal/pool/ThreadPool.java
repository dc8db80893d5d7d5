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

    /** Threads the pool has now (0 for virtual threads). */
    int poolSize();

    /**
     * A server pool: its event loops themselves ({@link EventLoopPool}) when it has a fixed size and
     * platform threads, as Ice's default of one thread; otherwise a pool the connections hand
     * their requests to.
     */
    static ThreadPool forDispatch(ThreadPoolSettings settings) {
        if (settings.dispatchesOnEventLoops()) {
            return new EventLoopPool(settings);
        }
        return create(settings);
    }

    /** A pool that runs tasks handed to it: virtual threads, or Ice's elastic sizing. */
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
