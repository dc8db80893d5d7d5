package io.floe.internal.transport;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The heartbeats of one adapter's connections (ice-protocol.md §5.3): every half heartbeat
 * interval, each connection with pending dispatches that wrote nothing for a whole interval sends
 * ValidateConnection. One timer task for all connections, instead of one per connection.
 */
public final class Heartbeats implements TimerTask {
    private final Timer timer;
    private final Supplier<List<Connection>> connections;
    private final long intervalMillis;
    private volatile boolean stopped;

    public Heartbeats(Timer timer, Supplier<List<Connection>> connections, long intervalMillis) {
        this.timer = timer;
        this.connections = connections;
        this.intervalMillis = Math.max(1, intervalMillis);
    }

    public void start() {
        timer.newTimeout(this, Math.max(1, intervalMillis / 2), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void run(Timeout timeout) {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        for (Connection connection : connections.get()) {
            connection.heartbeatIfIdle(now, idleNanos);
        }
        start();
    }
}
