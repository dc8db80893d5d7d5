package io.floe;

/** Raised when a stringified identity does not parse. */
public class IdentityParseException extends LocalException {
    private static final long serialVersionUID = 1L;

    public IdentityParseException(String message) {
        super(message);
    }

    public IdentityParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
