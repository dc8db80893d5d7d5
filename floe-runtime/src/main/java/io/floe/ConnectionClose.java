package io.floe;

/** How {@link Connection#close} closes a connection, as Ice's {@code ConnectionClose}. */
public enum ConnectionClose {
    /**
     * At once, without CloseConnection: calls waiting for replies and dispatches in progress
     * fail with {@code ConnectionManuallyClosedException(graceful = false)}.
     */
    FORCEFULLY,
    /**
     * Calls waiting for replies fail at once with {@code ConnectionManuallyClosedException(graceful
     * = true)}; CloseConnection goes out once the requests being dispatched have been answered.
     */
    GRACEFULLY,
    /** Waits for the replies to the calls already sent, then closes as {@link #GRACEFULLY}. */
    GRACEFULLY_WITH_WAIT
}
