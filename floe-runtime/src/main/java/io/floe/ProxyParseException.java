package io.floe;

/** Raised when a stringified proxy does not parse. */
public class ProxyParseException extends LocalException {
    private static final long serialVersionUID = 1L;

    public ProxyParseException(String message) {
        super(message);
    }

    public ProxyParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
