package io.floe;

/**
 * Raised when an instance of a class the receiver does not know arrives in the compact format,
 * which carries no slice sizes to skip it by (ice-protocol.md §3.14). The sender should use the
 * sliced format.
 */
public class NoValueFactoryException extends MarshalException {
    private static final long serialVersionUID = 1L;

    private final String type;

    public NoValueFactoryException(String message, String type) {
        super(message);
        this.type = type;
    }

    /** The type id (or compact id) of the class nobody could make. */
    public String type() {
        return type;
    }
}
