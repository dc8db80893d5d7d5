package io.floe;

/** Raised when an operation did not complete in time. */
public class TimeoutException extends LocalException {
    private static final long serialVersionUID = 1L;

    public TimeoutException(String message) {
        super(message);
    }

    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
