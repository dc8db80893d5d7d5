package io.floe.internal.transport;

import io.floe.CommunicatorDestroyedException;
import io.floe.ConnectionRefusedException;
import io.floe.SocketException;
import io.floe.internal.Instance;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.internal.pool.EventLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * The client's connections, one per endpoint (host and port), made on first use and shared by
 * every proxy of the communicator. A connection that closes is forgotten, so the next call
 * connects again.
 */
public final class Connector {
    private static final int FLUSHES_PER_SYSCALL_MAX = 256;

    private final Instance instance;
    private final String connectionId;
    private final NettyTransport transport;
    private final Executor completions;
    private final ConnectionSettings settings;
    private final Map<Address, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The connections of the proxies of {@code connectionId} ("" by default). */
    public Connector(Instance instance, String connectionId, ConnectionSettings settings) {
        this.instance = instance;
        this.connectionId = connectionId;
        this.transport = instance.transport();
        this.completions = instance.clientExecutor();
        this.settings = settings;
    }

    /** A validated connection to {@code endpoint}; completes on the client executor. */
    public CompletableFuture<Connection> connect(TcpEndpoint endpoint) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        whenConnected(endpoint, (connection, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(connection);
            }
        });
        return result;
    }

    /**
     * Runs {@code action} with a validated connection to {@code endpoint}, or with the reason
     * there is none. Actions that wait for the connection run in the order they were given, so
     * requests issued one after the other go out in that order; once connected, an action runs at
     * once on the caller's thread.
     */
    public void whenConnected(TcpEndpoint endpoint, BiConsumer<Connection, Throwable> action) {
        if (closed) {
            // A retry must not open a connection while the communicator is going away.
            action.accept(null, new CommunicatorDestroyedException("the communicator was destroyed"));
            return;
        }
        Slot slot = slots.computeIfAbsent(key(endpoint), k -> new Slot());
        Connection ready;
        slot.lock.lock();
        try {
            ready = slot.connection != null && slot.connection.isUsable() && !slot.draining ? slot.connection : null;
            if (ready == null) {
                slot.waiting.add(action);
                if (!slot.connecting && !slot.draining) {
                    slot.connecting = true;
                    CompletableFuture<Connection> opened = new CompletableFuture<>();
                    opened.whenComplete((connection, error) -> connected(slot, connection, error));
                    open(endpoint, opened);
                }
                return;
            }
        } finally {
            slot.lock.unlock();
        }
        action.accept(ready, null);
    }

    /** Whether a usable connection to {@code endpoint} is open now; never connects. */
    public boolean isConnected(TcpEndpoint endpoint) {
        Connection connection = cached(endpoint);
        return connection != null && connection.isUsable();
    }

    /** Where a connection goes: its slot's key (a record, so a look-up builds no string). */
    private record Address(String host, int port) {
    }

    private static Address key(TcpEndpoint endpoint) {
        return new Address(endpoint.host(), endpoint.port());
    }

    /** The connection to {@code endpoint} if there is one, usable or closing; null otherwise. Never connects. */
    public Connection cached(TcpEndpoint endpoint) {
        Slot slot = slots.get(key(endpoint));
        if (slot == null) {
            return null;
        }
        slot.lock.lock();
        try {
            return slot.connection;
        } finally {
            slot.lock.unlock();
        }
    }

    private void connected(Slot slot, Connection connection, Throwable error) {
        slot.lock.lock();
        try {
            slot.connecting = false;
            slot.connection = connection;
            slot.draining = true; // newcomers queue behind the waiting actions until they are all run
        } finally {
            slot.lock.unlock();
        }
        if (connection != null) {
            connection.closed().whenComplete((v, e) -> forget(slot, connection));
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        while (true) {
            List<BiConsumer<Connection, Throwable>> batch;
            slot.lock.lock();
            try {
                if (slot.waiting.isEmpty()) {
                    slot.draining = false;
                    return;
                }
                batch = new ArrayList<>(slot.waiting);
                slot.waiting.clear();
            } finally {
                slot.lock.unlock();
            }
            batch.forEach(action -> action.accept(connection, cause));
        }
    }

    private void forget(Slot slot, Connection connection) {
        slot.lock.lock();
        try {
            if (slot.connection == connection) {
                slot.connection = null;
            }
        } finally {
            slot.lock.unlock();
        }
    }

    /** One endpoint's connection, and the actions waiting while it is being made. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        final List<BiConsumer<Connection, Throwable>> waiting = new ArrayList<>();
        Connection connection;
        boolean connecting;
        boolean draining;
    }

    private void open(TcpEndpoint endpoint, CompletableFuture<Connection> result) {
        Connection connection = Connection.outgoing(instance, endpoint, connectionId, settings);
        transport.acm().register(connection);
        int timeout = endpoint.timeout() < 0 ? settings.connectTimeoutMillis() : endpoint.timeout();
        Bootstrap bootstrap = new Bootstrap()
                .group(transport.group())
                .channel(EventLoops.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeout)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(
                                // Requests of many callers, each sent by its own event-loop task:
                                // one flush (one syscall) for those queued together.
                                new FlushConsolidationHandler(FLUSHES_PER_SYSCALL_MAX, true),
                                new FrameDecoder(settings.messageSizeMax()),
                                new Compressor(settings.compressionLevel()),
                                connection);
                    }
                });
        String host = endpoint.host() == null || endpoint.host().isEmpty() ? "127.0.0.1" : endpoint.host();
        ChannelFuture connecting = bootstrap.connect(host, endpoint.port());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                completions.execute(() -> result.completeExceptionally(translate(endpoint, f.cause())));
                return;
            }
            // The server must validate the connection within the timeout (ice-protocol.md §5.1).
            var timer = connecting.channel().eventLoop().schedule(() -> connecting.channel().close(),
                    timeout, TimeUnit.MILLISECONDS);
            connection.validated().whenCompleteAsync((c, e) -> {
                timer.cancel(false);
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(c);
                }
            }, completions);
        });
    }

    private static RuntimeException translate(TcpEndpoint endpoint, Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return new io.floe.ConnectTimeoutException("connecting to " + endpoint + " timed out", cause);
        }
        if (cause instanceof ConnectException) {
            return new ConnectionRefusedException("connection refused: " + endpoint, cause);
        }
        return new SocketException("cannot connect to " + endpoint + ": " + cause, cause);
    }

    /**
     * Sends the batch-oneway requests queued on every connection ({@code Communicator.flushBatchRequests});
     * completes once all are written.
     */
    public CompletableFuture<Void> flushBatchRequests() {
        List<CompletableFuture<Void>> flushing = new ArrayList<>();
        for (Slot slot : slots.values()) {
            Connection connection;
            slot.lock.lock();
            try {
                connection = slot.connection;
            } finally {
                slot.lock.unlock();
            }
            if (connection != null) {
                flushing.add(connection.flushBatch());
            }
        }
        return CompletableFuture.allOf(flushing.toArray(CompletableFuture[]::new));
    }

    /**
     * For communicator destruction: calls still waiting fail with CommunicatorDestroyedException
     * and every connection closes gracefully; completes when all are closed.
     */
    public CompletableFuture<Void> closeAll() {
        closed = true;
        CommunicatorDestroyedException reason = new CommunicatorDestroyedException("the communicator was destroyed");
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Slot slot : slots.values()) {
            Connection connection;
            slot.lock.lock();
            try {
                connection = slot.connection;
            } finally {
                slot.lock.unlock();
            }
            if (connection != null) {
                connection.closeAbandoningCalls(reason);
                closing.add(connection.closed());
            }
        }
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }
}
