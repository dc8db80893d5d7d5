package io.floe;

/** Reply status 2: no servant has the identity. */
public final class ObjectNotExistException extends RequestFailedException {
    private static final long serialVersionUID = 1L;

    public ObjectNotExistException() {
    }

    public ObjectNotExistException(Identity id, String facet, String operation) {
        super(id, facet, operation);
    }
}
