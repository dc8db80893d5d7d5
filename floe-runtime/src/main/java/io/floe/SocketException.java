package io.floe;

/** Raised when a network operation failed. */
public class SocketException extends LocalException {
    private static final long serialVersionUID = 1L;

    public SocketException(String message) {
        super(message);
    }

    public SocketException(String message, Throwable cause) {
        super(message, cause);
    }
}
