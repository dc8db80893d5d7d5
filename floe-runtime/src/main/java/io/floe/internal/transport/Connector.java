package io.floe.internal.transport;

import io.floe.CommunicatorDestroyedException;
import io.floe.ConnectionRefusedException;
import io.floe.SocketException;
import io.floe.internal.endpoint.TcpEndpoint;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The client's connections, one per endpoint (host and port), made on first use and shared by
 * every proxy of the communicator. A connection that closes is forgotten, so the next call
 * connects again.
 */
public final class Connector {
    private final NettyTransport transport;
    private final Executor completions;
    private final ConnectionSettings settings;
    private final Map<String, CompletableFuture<Connection>> connections = new ConcurrentHashMap<>();

    public Connector(NettyTransport transport, Executor completions, ConnectionSettings settings) {
        this.transport = transport;
        this.completions = completions;
        this.settings = settings;
    }

    /** A validated connection to {@code endpoint}; completes on the client executor. */
    public CompletableFuture<Connection> connect(TcpEndpoint endpoint) {
        String key = endpoint.host() + ":" + endpoint.port();
        while (true) {
            CompletableFuture<Connection> existing = connections.get(key);
            if (existing != null) {
                if (!existing.isDone() || (!existing.isCompletedExceptionally() && existing.join().isUsable())) {
                    return existing;
                }
                connections.remove(key, existing);
                continue;
            }
            CompletableFuture<Connection> created = new CompletableFuture<>();
            if (connections.putIfAbsent(key, created) == null) {
                open(endpoint, created);
                created.whenComplete((c, e) -> {
                    if (e != null) {
                        connections.remove(key, created);
                    } else {
                        c.closed().whenComplete((v, x) -> connections.remove(key, created));
                    }
                });
                return created;
            }
        }
    }

    private void open(TcpEndpoint endpoint, CompletableFuture<Connection> result) {
        Connection connection = Connection.outgoing(completions, settings.closeTimeoutMillis());
        int timeout = endpoint.timeout() < 0 ? settings.connectTimeoutMillis() : endpoint.timeout();
        Bootstrap bootstrap = new Bootstrap()
                .group(transport.group())
                .channel(transport.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeout)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(
                                // Replies completed in one event-loop turn go out in one flush.
                                new FlushConsolidationHandler(256, true),
                                new FrameDecoder(settings.messageSizeMax()),
                                new IdleStateHandler(0, settings.heartbeatMillis(), 0, TimeUnit.MILLISECONDS),
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
     * For communicator destruction: calls still waiting fail with CommunicatorDestroyedException
     * and every connection closes gracefully; completes when all are closed.
     */
    public CompletableFuture<Void> closeAll() {
        CommunicatorDestroyedException reason = new CommunicatorDestroyedException("the communicator was destroyed");
        CompletableFuture<?>[] closing = connections.values().stream()
                .map(f -> f.thenCompose(c -> {
                    c.closeAbandoningCalls(reason);
                    return c.closed();
                }).exceptionally(e -> null))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(closing);
    }
}
