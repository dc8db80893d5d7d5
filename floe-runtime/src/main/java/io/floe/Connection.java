package io.floe;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * An Ice connection, as the application sees it (Ice's {@code Ice::Connection}): got from
 * {@link ObjectPrx#ice_getConnection} on the client side and {@link Current#con} in a dispatch.
 * Each connection has exactly one such object, so {@code ==} compares connections. Thread-safe;
 * nothing blocks for long except {@link #close} with {@link ConnectionClose#GRACEFULLY_WITH_WAIT}
 * and the synchronous forms of the asynchronous methods. Callbacks run on the client thread pool.
 */
public interface Connection {
    /**
     * Closes the connection as {@code mode} says. {@link ConnectionClose#GRACEFULLY_WITH_WAIT}
     * first waits for the replies to the calls already made on it. Returns once the connection is
     * closing (so {@link #throwException} raises), not once it is closed: the close callback tells
     * that. Proxies with endpoints then connect again; fixed proxies of this connection fail.
     */
    void close(ConnectionClose mode);

    /**
     * A fixed proxy for {@code id}: its requests go over this connection and nowhere else, which
     * is how a server calls back a client it cannot connect to (bidirectional connections). It
     * prints without endpoints and cannot be marshaled (FixedProxyException).
     */
    ObjectPrx createProxy(Identity id);

    /**
     * Dispatches the requests the peer sends over this connection (on a client's connection: the
     * server's callbacks) to {@code adapter}; null: none, they get ObjectNotExistException.
     * Raises ObjectAdapterDeactivatedException for a deactivated adapter; deactivating it later
     * removes it from the connection.
     */
    void setAdapter(ObjectAdapter adapter);

    /** The adapter that dispatches this connection's requests, or null. */
    ObjectAdapter getAdapter();

    /** The endpoint it was made to (client side) or accepted on (server side), as Ice prints it. */
    String getEndpoint();

    /** Sends the batch oneway requests queued on this connection; returns once they are written. */
    void flushBatchRequests(CompressBatch compress);

    CompletableFuture<Void> flushBatchRequestsAsync(CompressBatch compress);

    /**
     * Calls {@code callback} once the connection closed, at once if it already is; null removes
     * it. Replaces the previous one.
     */
    void setCloseCallback(CloseCallback callback);

    /** Calls {@code callback} for every heartbeat received; null removes it. */
    void setHeartbeatCallback(HeartbeatCallback callback);

    /** Sends a heartbeat (ValidateConnection) and returns once it is written; raises what closed the connection. */
    void heartbeat();

    CompletableFuture<Void> heartbeatAsync();

    /**
     * Changes the ACM settings; an empty argument takes the configured value
     * ({@code Ice.ACM.Client.*} or {@code <adapter>.ACM.*}), as in Ice.
     *
     * @throws IllegalArgumentException for a negative timeout
     */
    void setACM(OptionalInt timeout, Optional<ACMClose> close, Optional<ACMHeartbeat> heartbeat);

    ACM getACM();

    /** {@code "tcp"}. */
    String type();

    /** The endpoint's timeout in ms ({@code -t}); -1 for none. */
    int timeout();

    /** The addresses, as Ice prints them: {@code local address = 127.0.0.1:50542\nremote address = 127.0.0.1:10000}. */
    @Override
    String toString();

    /** Addresses, direction, adapter name and connection id; raises what closed the connection once it is closed. */
    ConnectionInfo getInfo();

    /**
     * Raises the exception that closed (or is closing) the connection: CloseConnectionException
     * when the peer closed it gracefully, ConnectionManuallyClosedException when the application
     * did, ConnectionTimeoutException for ACM, ConnectionLostException...; nothing while it is open.
     */
    void throwException();
}
