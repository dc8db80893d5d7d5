package io.floe;

/** Raised when a message does not start with "IceP". */
public class BadMagicException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public BadMagicException(String message) {
        super(message);
    }
}
