package io.floe;

/** Raised when an encapsulation is malformed. */
public class EncapsulationException extends MarshalException {
    private static final long serialVersionUID = 1L;

    public EncapsulationException(String message) {
        super(message);
    }

    public EncapsulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
