package io.floe.internal.invoke;

import io.floe.LocalException;

/**
 * A connection refused a request before sending any of it, because it is closing or closed (by
 * ACM, the application, the peer's CloseConnection or a failure): the peer cannot have dispatched
 * it, so it may go to another connection without counting as a retry, as Ice's RetryException.
 * Internal: an invocation that cannot go elsewhere (a fixed proxy, a destroyed communicator)
 * fails with {@link #reason()} instead.
 */
public final class RetryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LocalException reason;

    public RetryException(LocalException reason) {
        super(reason.getMessage(), reason, false, false);
        this.reason = reason;
    }

    /** Why the connection closed. */
    public LocalException reason() {
        return reason;
    }
}
