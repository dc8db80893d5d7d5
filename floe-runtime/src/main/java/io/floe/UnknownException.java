package io.floe;

/**
 * The server failed with an exception the protocol cannot carry as such (reply status 7); also
 * the base of {@link UnknownLocalException} (5) and {@link UnknownUserException} (6).
 * {@link #unknown()} is free text for people: clients never parse it.
 */
public class UnknownException extends LocalException {
    private static final long serialVersionUID = 1L;

    private final String unknown;

    public UnknownException(String unknown) {
        super(unknown);
        this.unknown = unknown;
    }

    public UnknownException(String unknown, Throwable cause) {
        super(unknown, cause);
        this.unknown = unknown;
    }

    public String unknown() {
        return unknown;
    }
}
