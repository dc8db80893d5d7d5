package io.floe;

/** Raised when a servant is already registered under that identity and facet. */
public class AlreadyRegisteredException extends LocalException {
    private static final long serialVersionUID = 1L;

    public AlreadyRegisteredException(String message) {
        super(message);
    }

    public AlreadyRegisteredException(String message, Throwable cause) {
        super(message, cause);
    }
}
