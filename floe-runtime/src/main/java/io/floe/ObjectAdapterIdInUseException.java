package io.floe;

/**
 * {@code activate()} could not register the adapter's endpoints with its locator: another
 * adapter with the same {@code AdapterId} is active there.
 */
public class ObjectAdapterIdInUseException extends LocalException {
    private static final long serialVersionUID = 1L;

    private final String id;

    public ObjectAdapterIdInUseException(String id, Throwable cause) {
        super("object adapter id '" + id + "' is already in use: the locator has an active adapter with this id",
                cause);
        this.id = id;
    }

    /** The adapter id. */
    public String id() {
        return id;
    }
}
