package io.floe.internal.transport;

import io.floe.InitializationException;
import io.floe.internal.Instance;
import io.floe.internal.dispatch.RequestDispatcher;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.internal.pool.EventLoopPool;
import io.floe.internal.pool.EventLoops;
import io.floe.internal.pool.ThreadPool;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;

/**
 * Listens on one tcp endpoint for an object adapter and keeps the connections it accepted, so
 * the adapter can close them. Accepting starts only when the adapter is activated.
 */
public final class Acceptor {
    private final Channel serverChannel;
    private final TcpEndpoint endpoint;
    private final RequestDispatcher dispatcher;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /** Binds at once (so the actual port is known); accepts nothing before {@link #start}. */
    public Acceptor(Instance instance, TcpEndpoint requested, RequestDispatcher dispatcher,
                    ThreadPool dispatchPool, ConnectionSettings settings, BooleanSupplier readingPaused) {
        this.dispatcher = dispatcher;
        NettyTransport transport = instance.transport();
        // The communicator's loops listen (so binding and closing never wait for a servant); a pool
        // of event loops serves the accepted connections on its own loops, any other pool is
        // handed the requests that the communicator's loops read.
        EventLoopPool loops = dispatchPool instanceof EventLoopPool pool ? pool : null;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.group(), loops != null ? loops.group() : transport.group())
                .channel(EventLoops.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (stopped) {
                            ch.close(); // accepted while the listening socket was being closed
                            return;
                        }
                        Executor executor = loops != null ? loops.executorFor(ch.eventLoop())
                                : dispatchPool.forConnection();
                        Connection connection = Connection.accepted(instance, endpoint, dispatcher, executor,
                                settings);
                        if (readingPaused.getAsBoolean()) {
                            ch.config().setAutoRead(false); // back-pressure applies to newcomers too
                        }
                        connections.add(connection);
                        transport.acm().register(connection);
                        connection.closed().whenComplete((v, e) -> connections.remove(connection));
                        ch.pipeline().addLast(
                                new FrameDecoder(settings.messageSizeMax()),
                                new Compressor(settings.compressionLevel()),
                                connection);
                    }
                });
        String host = requested.host() == null || requested.host().isEmpty() || requested.host().equals("*")
                ? "0.0.0.0" : requested.host();
        try {
            this.serverChannel = bootstrap.bind(new InetSocketAddress(host, requested.port())).sync().channel();
        } catch (Exception e) {
            throw new InitializationException("cannot listen on " + requested + ": " + e.getMessage(), e);
        }
        int port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        this.endpoint = requested.withPort(port);
    }

    /** The endpoint it listens on, with the actual port. */
    public TcpEndpoint endpoint() {
        return endpoint;
    }

    /** The dispatcher of the adapter it accepts for. */
    public RequestDispatcher dispatcher() {
        return dispatcher;
    }

    public void start() {
        serverChannel.config().setAutoRead(true);
        serverChannel.read();
    }

    /** Stops accepting new connections; accepted ones stay open. */
    public void stopAccepting() {
        stopped = true;
        serverChannel.close().syncUninterruptibly();
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }
}
