package io.floe.internal.transport;

import io.floe.ObjectAdapter;
import io.floe.internal.Instance;
import io.floe.internal.dispatch.Adapter;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.protocol.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An accepted server connection on an {@link EmbeddedChannel}, with the pipeline
 * {@link Acceptor} builds (FrameDecoder, Compressor, Connection) and an adapter's real
 * dispatcher: {@link #exchange} feeds one Request message and returns the Reply the servant's
 * dispatch wrote. The caller's thread plays the event loop.
 *
 * <p>All coupling of floe-jmh to the runtime's server internals is here, so a change to
 * {@code Connection.accepted} or to {@code Acceptor.initChannel} is adapted in this class only;
 * the places are marked {@code INTERNAL}.
 *
 * <p>Where the servant runs. The runtime hands each dispatch to the adapter's thread pool.
 * {@link Dispatch#POOL} keeps that hop, but an EmbeddedChannel is not thread-safe and its event
 * loop answers {@code inEventLoop()} true on every thread, so a pool thread would write the
 * reply while the caller still reads. Here the hand-off is deferred until {@code writeInbound}
 * returned, and the caller then waits (bounded) without touching the channel until the task
 * ended: for a synchronous servant the reply is written within that task, and the semaphore
 * orders its writes before the caller's read. {@link Dispatch#INLINE} runs the dispatch on the
 * caller's thread, inside {@code writeInbound}: the path without the hop. An AMD servant that
 * answers later from another thread is not supported.
 *
 * <p>Not thread-safe: one harness per benchmark thread.
 */
public final class JmhServerHarness implements AutoCloseable {
    /** Where the dispatch runs; see the class comment. */
    public enum Dispatch { INLINE, POOL }

    private static final long REPLY_WAIT_SECONDS = 10;
    private static final int MAX_TASK_RUNS = 1_000;

    private final EmbeddedChannel channel;
    private final Connection connection;
    private final Executor pool;
    private final Queue<Runnable> deferred = new ArrayDeque<>();
    private final Semaphore dispatched = new Semaphore(0);

    private JmhServerHarness(ObjectAdapter objectAdapter, Dispatch dispatch) {
        // INTERNAL: the adapter's dispatcher and pool, and the communicator's instance.
        Adapter adapter = (Adapter) objectAdapter;
        Instance instance = objectAdapter.communicator()._instance();
        ConnectionSettings settings = instance.connectionSettings(adapter.name());
        TcpEndpoint endpoint = TcpEndpoint.parse("tcp -h 127.0.0.1 -p 0", instance.defaultHost());
        this.pool = adapter.dispatchPool().forConnection();
        Executor executor = dispatch == Dispatch.INLINE ? Runnable::run : deferred::add;
        // INTERNAL: Acceptor.initChannel's connection and pipeline, without the ACM registration
        // (its monitor thread would run checks on this channel from another thread).
        this.connection = Connection.accepted(instance, endpoint, adapter.dispatcher(), executor, settings);
        this.channel = new EmbeddedChannel(
                new FrameDecoder(settings.messageSizeMax()),
                new Compressor(settings.compressionLevel()),
                connection);
        ByteBuf validate = channel.readOutbound(); // the server speaks first (ice-protocol.md §5.1)
        if (validate == null || validate.getUnsignedByte(validate.readerIndex() + 8) != MessageType.VALIDATE_CONNECTION.code()) {
            throw new IllegalStateException("expected ValidateConnection first, got " + validate);
        }
        validate.release();
    }

    /** An accepted connection whose requests {@code adapter} dispatches; {@code dispatch} says where. */
    public static JmhServerHarness open(ObjectAdapter adapter, Dispatch dispatch) {
        return new JmhServerHarness(adapter, dispatch);
    }

    /** The channel, for tests. */
    public EmbeddedChannel channel() {
        return channel;
    }

    /**
     * Feeds {@code request} (a whole Request message; this takes ownership) and returns the Reply
     * the dispatch wrote, which the caller releases.
     *
     * @throws IllegalStateException when no reply came within 10 seconds, or the connection closed
     */
    public ByteBuf exchange(ByteBuf request) {
        channel.writeInbound(request);
        runDeferred();
        ByteBuf reply = channel.readOutbound();
        // Nothing the runtime schedules today delays a reply on this channel; pending tasks are
        // run in case a later pipeline (say, flush consolidation) does.
        for (int i = 0; reply == null && i < MAX_TASK_RUNS && channel.isOpen(); i++) {
            channel.runPendingTasks();
            reply = channel.readOutbound();
        }
        if (reply == null) {
            channel.checkException();
            throw new IllegalStateException("no reply on " + connection + " (open: " + channel.isOpen()
                    + ", closed because: " + connection.closeReason() + ")");
        }
        return reply;
    }

    private void runDeferred() {
        Runnable task;
        while ((task = deferred.poll()) != null) {
            Runnable dispatch = task;
            pool.execute(() -> {
                try {
                    dispatch.run();
                } finally {
                    dispatched.release();
                }
            });
            try {
                if (!dispatched.tryAcquire(REPLY_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("dispatch on " + connection + " did not end within "
                            + REPLY_WAIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for a dispatch on " + connection, e);
            }
        }
    }

    /** Closes the channel and releases what it still holds; the communicator is the caller's. */
    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
