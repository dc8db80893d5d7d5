package io.floe;

/**
 * Raised by calls that were waiting on a connection the application closed with
 * {@link Connection#close}; never retried, since the application asked for it.
 */
public class ConnectionManuallyClosedException extends LocalException {
    private static final long serialVersionUID = 1L;

    private final boolean graceful;

    public ConnectionManuallyClosedException(boolean graceful, String message) {
        super(message);
        this.graceful = graceful;
    }

    /** False for {@link ConnectionClose#FORCEFULLY}. */
    public boolean graceful() {
        return graceful;
    }
}
