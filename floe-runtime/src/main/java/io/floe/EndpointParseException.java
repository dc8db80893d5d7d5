package io.floe;

/** Raised when a stringified endpoint does not parse. */
public class EndpointParseException extends LocalException {
    private static final long serialVersionUID = 1L;

    public EndpointParseException(String message) {
        super(message);
    }

    public EndpointParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
