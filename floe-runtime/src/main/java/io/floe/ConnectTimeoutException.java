package io.floe;

/** Raised when a connection could not be established within its timeout. */
public class ConnectTimeoutException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    public ConnectTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
