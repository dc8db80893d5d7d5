package io.floe;

/** Raised when a value could not be encoded or decoded. */
public class MarshalException extends LocalException {
    private static final long serialVersionUID = 1L;

    public MarshalException(String message) {
        super(message);
    }

    public MarshalException(String message, Throwable cause) {
        super(message, cause);
    }
}
