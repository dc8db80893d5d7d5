package io.floe;

/** Raised when decoding ran past the end of the data. */
public class UnmarshalOutOfBoundsException extends MarshalException {
    private static final long serialVersionUID = 1L;

    public UnmarshalOutOfBoundsException(String message) {
        super(message);
    }

    public UnmarshalOutOfBoundsException(String message, Throwable cause) {
        super(message, cause);
    }
}
