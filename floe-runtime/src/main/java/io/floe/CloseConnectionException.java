package io.floe;

/** Raised when the peer closed the connection gracefully; the request was not executed. */
public class CloseConnectionException extends LocalException {
    private static final long serialVersionUID = 1L;

    public CloseConnectionException(String message) {
        super(message);
    }

    public CloseConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
