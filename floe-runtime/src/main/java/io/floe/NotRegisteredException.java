package io.floe;

/**
 * Something looked up by id is not registered: a default servant or servant locator of an
 * adapter, or (from a locator) an object adapter, a replica group or a well-known object. As
 * Ice's, it names the kind of thing and its id.
 */
public class NotRegisteredException extends LocalException {
    private static final long serialVersionUID = 1L;

    private final String kindOfObject;
    private final String id;

    /** {@code kindOfObject} as Ice spells it: "object adapter", "object", "replica group", "default servant"... */
    public NotRegisteredException(String kindOfObject, String id) {
        this(kindOfObject, id, null);
    }

    public NotRegisteredException(String kindOfObject, String id, Throwable cause) {
        super("no " + kindOfObject + " with id '" + id + "' is registered", cause);
        this.kindOfObject = kindOfObject;
        this.id = id;
    }

    public String kindOfObject() {
        return kindOfObject;
    }

    public String id() {
        return id;
    }
}
