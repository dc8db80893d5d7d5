package io.floe.internal.transport;

import io.floe.Communicator;
import io.floe.internal.Instance;
import io.floe.internal.endpoint.TcpEndpoint;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.flush.FlushConsolidationHandler;

/**
 * A client connection on an {@link EmbeddedChannel}, with the pipeline {@link Connector} builds
 * (FlushConsolidationHandler, FrameDecoder, Compressor, Connection), already validated: proxies
 * made by {@code connection().createProxy(id)} (fixed proxies) send their requests here, and
 * {@link #takeRequest} returns what was written. The caller's thread plays the event loop:
 * {@code Connection.send} runs its event-loop part at once, because an EmbeddedChannel's event
 * loop answers {@code inEventLoop()} true, and the flush that the consolidation handler
 * schedules is run by {@link #takeRequest}.
 *
 * <p>Replies fed back with {@link #receive} are matched to the pending call on this thread and
 * decoded, completing the call's future, on the communicator's client executor, as in the
 * runtime. A call whose reply never comes stays pending on the connection: callers feed one
 * reply per request, so that state does not grow.
 *
 * <p>All coupling of floe-jmh to the runtime's client internals is here, so a change to
 * {@code Connection.outgoing} or to {@code Connector}'s pipeline is adapted in this class only;
 * the places are marked {@code INTERNAL}. Not thread-safe: one harness per benchmark thread.
 */
public final class JmhClientHarness implements AutoCloseable {
    /** As {@code Connector.FLUSHES_PER_SYSCALL_MAX}. */
    private static final int FLUSHES_PER_SYSCALL_MAX = 256;
    private static final int MAX_TASK_RUNS = 1_000;

    private final EmbeddedChannel channel;
    private final Connection connection;

    private JmhClientHarness(Communicator communicator) {
        // INTERNAL: the communicator's instance and client settings, Connector.open's connection
        // and pipeline, without the ACM registration (its monitor thread would run checks on
        // this channel from another thread).
        Instance instance = communicator._instance();
        ConnectionSettings settings = instance.connectionSettings("Ice");
        TcpEndpoint endpoint = TcpEndpoint.parse("tcp -h 127.0.0.1 -p 4061", instance.defaultHost());
        this.connection = Connection.outgoing(instance, endpoint, "", settings);
        this.channel = new EmbeddedChannel(
                new FlushConsolidationHandler(FLUSHES_PER_SYSCALL_MAX, true),
                new FrameDecoder(settings.messageSizeMax()),
                new Compressor(settings.compressionLevel()),
                connection);
        // INTERNAL: the server's ValidateConnection makes the connection usable (ice-protocol.md §5.1).
        channel.writeInbound(Messages.validateConnection(channel.alloc()));
        if (!connection.isUsable()) {
            throw new IllegalStateException(connection + " not usable after ValidateConnection: "
                    + connection.closeReason());
        }
    }

    /** A validated client connection of {@code communicator}. */
    public static JmhClientHarness open(Communicator communicator) {
        return new JmhClientHarness(communicator);
    }

    /** The application's view of the connection: {@code createProxy(id)} gives a fixed proxy on it. */
    public io.floe.Connection connection() {
        return connection.handle();
    }

    /** The channel, for tests. */
    public EmbeddedChannel channel() {
        return channel;
    }

    /**
     * The next message the connection wrote, which the caller releases.
     *
     * @throws IllegalStateException when nothing was written, even after running the channel's tasks
     */
    public ByteBuf takeRequest() {
        ByteBuf message = channel.readOutbound();
        // FlushConsolidationHandler defers a flush made outside a read to an event-loop task.
        for (int i = 0; message == null && i < MAX_TASK_RUNS && channel.isOpen(); i++) {
            channel.runPendingTasks();
            message = channel.readOutbound();
        }
        if (message == null) {
            channel.checkException();
            throw new IllegalStateException("nothing written on " + connection + " (open: " + channel.isOpen()
                    + ", closed because: " + connection.closeReason() + ")");
        }
        return message;
    }

    /** Feeds a message from the server (a whole Reply; this takes ownership). */
    public void receive(ByteBuf message) {
        channel.writeInbound(message);
    }

    /** Closes the channel (pending calls fail) and releases what it still holds. */
    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
