package io.floe;

/**
 * Raised when a connection was closed because the peer stayed silent too long: ACM found an
 * invocation pending and nothing received for its timeout (ice-protocol.md §5.3).
 */
public class ConnectionTimeoutException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    public ConnectionTimeoutException(String message) {
        super(message);
    }
}
