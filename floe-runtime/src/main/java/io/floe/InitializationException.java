package io.floe;

/** Raised when a communicator or adapter could not be set up. */
public class InitializationException extends LocalException {
    private static final long serialVersionUID = 1L;

    public InitializationException(String message) {
        super(message);
    }

    public InitializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
