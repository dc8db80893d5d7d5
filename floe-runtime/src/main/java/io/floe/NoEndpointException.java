package io.floe;

/** Raised when a proxy has no endpoint to send a request to. */
public class NoEndpointException extends LocalException {
    private static final long serialVersionUID = 1L;

    public NoEndpointException(String message) {
        super(message);
    }
}
