package io.floe.internal.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The event loops every connection of a communicator runs on: native epoll where the JVM can
 * load it, NIO elsewhere. The loops only frame, decode headers and write; they never run
 * application code.
 */
public final class NettyTransport {
    private final EventLoopGroup group;
    private final boolean epoll;
    private final Map<EventExecutor, ReplyWriter> replyWriters = new IdentityHashMap<>();
    private final AcmMonitor acm;

    public NettyTransport(int threads) {
        // Netty samples buffers for leak reports by default, capturing stack traces on the hot
        // path; measured here that costs ~10% of a loaded server's CPU. Floe's tests run it
        // paranoid; in production it is off unless io.netty.leakDetection.level says otherwise.
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        this.epoll = Epoll.isAvailable();
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("floe-io", true), handlers);
        for (EventExecutor loop : group) {
            replyWriters.put(loop, new ReplyWriter((EventLoop) loop));
        }
        this.acm = new AcmMonitor(group.next());
    }

    /** Heartbeats and idle close of every connection of the communicator, both sides. */
    AcmMonitor acm() {
        return acm;
    }

    /** The reply writer of the connections on {@code loop}. */
    ReplyWriter replyWriter(EventLoop loop) {
        return replyWriters.get(loop);
    }

    public EventLoopGroup group() {
        return group;
    }

    public Class<? extends ServerChannel> serverChannelType() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends Channel> channelType() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public void shutdown() {
        acm.stop();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
