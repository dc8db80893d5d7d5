package io.floe.internal.pool;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A server pool of fixed size ({@code Size} = {@code SizeMax}, not virtual) whose threads are the
 * event loops of the connections it serves, as Ice's server pool is: each of the {@code Size}
 * loops reads a connection's requests, dispatches them on the same thread and writes their
 * replies. So {@code Size=1} means one thread for everything, never two dispatches at once, and
 * no hand-off between threads. A connection stays on one loop, so its requests are dispatched one
 * after the other (what {@code Serialize=1} asks for, always).
 */
public final class EventLoopPool implements ThreadPool {
    private final EventLoopGroup group;
    private final int size;
    private final Map<EventLoop, LoopWatch> watches = new ConcurrentHashMap<>();

    EventLoopPool(ThreadPoolSettings settings) {
        this.size = settings.size();
        this.group = EventLoops.newGroup(size, ElasticThreadPool.threadName(settings.prefix()));
    }

    /** The loops that accept, read, dispatch and write for the adapters of this pool. */
    public EventLoopGroup group() {
        return group;
    }

    /** The dispatch executor of a connection registered with {@code loop}, one of {@link #group}'s. */
    public Executor executorFor(EventLoop loop) {
        return new LoopExecutor(loop, watches.computeIfAbsent(loop, l -> new LoopWatch()));
    }

    /** A task from outside (a collocated call, a cancellation listener): on the next loop. */
    @Override
    public void execute(Runnable task) {
        group.next().execute(task);
    }

    /**
     * For a connection that lives on another group's loop (a client connection made bidirectional):
     * its requests are handed to one loop of this pool, always the same one, so they stay in order.
     */
    @Override
    public Executor forConnection() {
        return executorFor((EventLoop) group.next());
    }

    @Override
    public void shutdown() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    @Override
    public boolean awaitTermination(long millis) throws InterruptedException {
        return group.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int poolSize() {
        return size;
    }
}
