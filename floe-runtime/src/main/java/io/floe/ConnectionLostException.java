package io.floe;

/** Raised when the connection was lost before the reply arrived. */
public class ConnectionLostException extends SocketException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message) {
        super(message);
    }

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
