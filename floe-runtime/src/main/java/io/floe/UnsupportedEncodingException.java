package io.floe;

/** Raised when an encapsulation has an encoding Floe does not read. */
public class UnsupportedEncodingException extends MarshalException {
    private static final long serialVersionUID = 1L;

    public UnsupportedEncodingException(String message) {
        super(message);
    }

    public UnsupportedEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
