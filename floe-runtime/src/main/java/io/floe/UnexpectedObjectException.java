package io.floe;

/** Raised when a class reference holds an instance of a type its declaration does not allow. */
public class UnexpectedObjectException extends MarshalException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String expectedType;

    public UnexpectedObjectException(String message, String type, String expectedType) {
        super(message);
        this.type = type;
        this.expectedType = expectedType;
    }

    public String type() {
        return type;
    }

    public String expectedType() {
        return expectedType;
    }
}
