package io.floe;

/** Raised when nobody accepts connections at the endpoint. */
public class ConnectionRefusedException extends SocketException {
    private static final long serialVersionUID = 1L;

    public ConnectionRefusedException(String message) {
        super(message);
    }

    public ConnectionRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
