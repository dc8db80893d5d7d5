package io.floe;

/** Raised when the object adapter was deactivated. */
public class ObjectAdapterDeactivatedException extends LocalException {
    private static final long serialVersionUID = 1L;

    public ObjectAdapterDeactivatedException(String message) {
        super(message);
    }

    public ObjectAdapterDeactivatedException(String message, Throwable cause) {
        super(message, cause);
    }
}
