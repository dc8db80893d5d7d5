package io.floe.internal.transport;

import io.floe.internal.pool.EventLoops;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.EventExecutor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The communicator's own event loops: they carry its client connections (Ice's client side) and
 * the accepted connections of adapters whose pool hands requests to other threads. Adapters whose
 * pool is made of event loops ({@code EventLoopPool}) accept on those loops instead. Every loop,
 * of either kind, has one {@link ReplyWriter}.
 */
public final class NettyTransport {
    private final EventLoopGroup group;
    private final Map<EventExecutor, ReplyWriter> replyWriters = new ConcurrentHashMap<>();
    private final AcmMonitor acm;

    public NettyTransport(int threads) {
        // Netty samples buffers for leak reports by default, capturing stack traces on the hot
        // path; measured here that costs ~10% of a loaded server's CPU. Floe's tests run it
        // paranoid; in production it is off unless io.netty.leakDetection.level says otherwise.
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        this.group = EventLoops.newGroup(threads, "floe-io");
        this.acm = new AcmMonitor(group.next());
    }

    /** Heartbeats and idle close of every connection of the communicator, both sides. */
    AcmMonitor acm() {
        return acm;
    }

    /** The reply writer of the connections on {@code loop}; made when the loop's first connection asks. */
    ReplyWriter replyWriter(EventLoop loop) {
        return replyWriters.computeIfAbsent(loop, l -> new ReplyWriter((EventLoop) l));
    }

    public EventLoopGroup group() {
        return group;
    }

    public void shutdown() {
        acm.stop();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
