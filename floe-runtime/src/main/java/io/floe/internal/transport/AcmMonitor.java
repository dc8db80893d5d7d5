package io.floe.internal.transport;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * ACM for every connection of a communicator, client and server side (ice-protocol.md §5.3):
 * one periodic task, not one per connection, asks each registered connection to check its
 * heartbeat and close policies. It runs every quarter of the smallest ACM timeout among the
 * connections (at most once a second while none is registered). Registering is O(1): a server
 * accepting 10,000 connections must not walk the set for each.
 */
final class AcmMonitor implements Runnable {
    private static final long IDLE_PERIOD_MILLIS = 1000;
    private static final long MIN_PERIOD_MILLIS = 10;

    private final EventExecutor executor;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private ScheduledFuture<?> next; // guarded by this

    AcmMonitor(EventExecutor executor) {
        this.executor = executor;
    }

    void register(Connection connection) {
        connection.closed().whenComplete((v, e) -> connections.remove(connection));
        update(connection);
    }

    /** The connection's ACM settings changed ({@code setACM}): watched if enabled, and soon enough. */
    void update(Connection connection) {
        if (!connection.acm().enabled()) {
            connections.remove(connection);
            return;
        }
        connections.add(connection);
        if (connection.closed().isDone()) {
            connections.remove(connection); // closed meanwhile: its removal may have run before the add
            return;
        }
        long wanted = periodFor(connection.acm().timeoutMillis());
        synchronized (this) {
            if (next == null || next.getDelay(TimeUnit.MILLISECONDS) > wanted) {
                schedule(wanted);
            }
        }
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        long smallestTimeout = Long.MAX_VALUE;
        for (Connection connection : connections) {
            connection.monitor(now);
            smallestTimeout = Math.min(smallestTimeout, connection.acm().timeoutMillis());
        }
        synchronized (this) {
            schedule(smallestTimeout == Long.MAX_VALUE ? IDLE_PERIOD_MILLIS : periodFor(smallestTimeout));
        }
    }

    // Holding this.
    private void schedule(long delayMillis) {
        if (stopped) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this, delayMillis, TimeUnit.MILLISECONDS);
    }

    private static long periodFor(long timeoutMillis) {
        return Math.max(MIN_PERIOD_MILLIS, timeoutMillis / 4);
    }

    void stop() {
        stopped = true;
        synchronized (this) {
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
