package io.floe;

/** Raised when no servant is registered under that identity and facet. */
public class NotRegisteredException extends LocalException {
    private static final long serialVersionUID = 1L;

    public NotRegisteredException(String message) {
        super(message);
    }

    public NotRegisteredException(String message, Throwable cause) {
        super(message, cause);
    }
}
