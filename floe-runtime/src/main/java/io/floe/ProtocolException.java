package io.floe;

/** Raised when a peer broke the Ice protocol; the connection is closed. */
public class ProtocolException extends LocalException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
