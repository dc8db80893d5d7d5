package io.floe;

/** Reply status 6, or raised by a client on receiving a user exception that the client cannot accept: not declared, or of an unknown type. */
public final class UnknownUserException extends UnknownException {
    private static final long serialVersionUID = 1L;

    public UnknownUserException(String unknown) {
        super(unknown);
    }

    public UnknownUserException(String unknown, Throwable cause) {
        super(unknown, cause);
    }
}
