package io.floe;

/** Reply status 5: the server failed with a local (run-time) exception. */
public final class UnknownLocalException extends UnknownException {
    private static final long serialVersionUID = 1L;

    public UnknownLocalException(String unknown) {
        super(unknown);
    }

    public UnknownLocalException(String unknown, Throwable cause) {
        super(unknown, cause);
    }
}
