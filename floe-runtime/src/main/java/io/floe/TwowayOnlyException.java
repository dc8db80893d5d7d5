package io.floe;

/** Raised when the operation has results, so it cannot be called oneway. */
public class TwowayOnlyException extends LocalException {
    private static final long serialVersionUID = 1L;

    public TwowayOnlyException(String message) {
        super(message);
    }

    public TwowayOnlyException(String message, Throwable cause) {
        super(message, cause);
    }
}
