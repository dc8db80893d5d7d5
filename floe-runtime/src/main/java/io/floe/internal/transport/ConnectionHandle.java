package io.floe.internal.transport;

import static java.util.Objects.requireNonNull;

import io.floe.ACM;
import io.floe.ACMClose;
import io.floe.ACMHeartbeat;
import io.floe.CloseCallback;
import io.floe.CompressBatch;
import io.floe.ConnectionClose;
import io.floe.ConnectionInfo;
import io.floe.HeartbeatCallback;
import io.floe.Identity;
import io.floe.LocalException;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.internal.Instance;
import io.floe.internal.dispatch.Adapter;
import io.floe.internal.proxy.FixedReference;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link io.floe.Connection} for one runtime {@link Connection}: made with it,
 * so each connection has exactly one. It keeps the application's callbacks and runs them on the
 * client thread pool, never on the event loop.
 */
public final class ConnectionHandle implements io.floe.Connection {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandle.class);

    private final Instance instance;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private CloseCallback closeCallback; // guarded by lock
    private boolean closed; // guarded by lock
    private volatile HeartbeatCallback heartbeatCallback;

    ConnectionHandle(Instance instance, Connection connection) {
        this.instance = instance;
        this.connection = connection;
    }

    /** The runtime connection behind a {@link io.floe.Connection} the application hands back. */
    public static Connection unwrap(io.floe.Connection connection) {
        if (connection instanceof ConnectionHandle handle) {
            return handle.connection;
        }
        throw new IllegalArgumentException("connection: " + connection
                + " (expected: a connection of Floe, from ice_getConnection or Current.con)");
    }

    @Override
    public void close(ConnectionClose mode) {
        requireNonNull(mode, "mode");
        if (mode == ConnectionClose.GRACEFULLY_WITH_WAIT) {
            ObjectPrx.awaitLocal(connection.whenNoPendingCalls());
        }
        // Short: only the decision, on the event loop; so throwException raises at once afterwards.
        ObjectPrx.awaitLocal(connection.closeByApplication(mode));
    }

    @Override
    public ObjectPrx createProxy(Identity id) {
        return FixedReference.create(instance, id, connection).toProxy();
    }

    @Override
    public void setAdapter(ObjectAdapter adapter) {
        ObjectAdapter previous = connection.adapter();
        if (previous == adapter) {
            return;
        }
        if (adapter == null) {
            connection.route(null, null);
        } else if (adapter instanceof Adapter own) {
            own.attach(connection); // raises ObjectAdapterDeactivatedException first, as Ice
        } else {
            throw new IllegalArgumentException("adapter: " + adapter + " (expected: one made by a Floe communicator)");
        }
        if (previous instanceof Adapter own) {
            own.detach(connection);
        }
    }

    @Override
    public ObjectAdapter getAdapter() {
        return connection.adapter();
    }

    @Override
    public String getEndpoint() {
        return connection.endpoint().toString();
    }

    @Override
    public void flushBatchRequests(CompressBatch compress) {
        ObjectPrx.awaitLocal(flushBatchRequestsAsync(compress));
    }

    @Override
    public CompletableFuture<Void> flushBatchRequestsAsync(CompressBatch compress) {
        return connection.flushBatch(requireNonNull(compress, "compress"));
    }

    @Override
    public void setCloseCallback(CloseCallback callback) {
        boolean now;
        lock.lock();
        try {
            now = closed;
            closeCallback = now ? null : callback;
        } finally {
            lock.unlock();
        }
        if (now && callback != null) {
            runCallback(() -> callback.closed(this), "close");
        }
    }

    @Override
    public void setHeartbeatCallback(HeartbeatCallback callback) {
        heartbeatCallback = callback;
    }

    /** The connection closed; event loop. */
    void closed() {
        CloseCallback callback;
        lock.lock();
        try {
            closed = true;
            callback = closeCallback;
            closeCallback = null;
        } finally {
            lock.unlock();
        }
        if (callback != null) {
            runCallback(() -> callback.closed(this), "close");
        }
    }

    /** A heartbeat arrived; event loop. */
    void heartbeatReceived() {
        HeartbeatCallback callback = heartbeatCallback;
        if (callback != null) {
            runCallback(() -> callback.heartbeat(this), "heartbeat");
        }
    }

    @Override
    public void heartbeat() {
        ObjectPrx.awaitLocal(heartbeatAsync());
    }

    @Override
    public CompletableFuture<Void> heartbeatAsync() {
        return connection.sendHeartbeat();
    }

    @Override
    public void setACM(OptionalInt timeout, Optional<ACMClose> close, Optional<ACMHeartbeat> heartbeat) {
        connection.setAcm(Acm.override(connection.configuredAcm(), requireNonNull(timeout, "timeout"),
                requireNonNull(close, "close"), requireNonNull(heartbeat, "heartbeat")));
    }

    @Override
    public ACM getACM() {
        return connection.acm().toPublic();
    }

    @Override
    public String type() {
        return "tcp";
    }

    @Override
    public int timeout() {
        return connection.endpoint().timeout();
    }

    @Override
    public ConnectionInfo getInfo() {
        LocalException reason = connection.closeReason();
        if (connection.isClosed() && reason != null) {
            throw reason;
        }
        return connection.info();
    }

    @Override
    public void throwException() {
        LocalException reason = connection.closeReason();
        if (reason != null && connection.isClosing()) {
            throw reason;
        }
    }

    /** As Ice prints a connection; the addresses stay known once it is closed. */
    @Override
    public String toString() {
        ConnectionInfo info = connection.info();
        if (info == null) {
            return "<not connected>";
        }
        return "local address = " + info.localAddress() + ":" + info.localPort()
                + "\nremote address = " + info.remoteAddress() + ":" + info.remotePort();
    }

    private void runCallback(Runnable callback, String which) {
        Runnable guarded = () -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("{} {} callback failed", connection, which, e);
            }
        };
        try {
            instance.clientExecutor().execute(guarded);
        } catch (RejectedExecutionException e) {
            log.debug("{} {} callback not run: the client thread pool is shut down", connection, which);
        }
    }
}
