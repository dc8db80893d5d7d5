package io.floe;

/** Reply status 4: the servant has no such operation. */
public final class OperationNotExistException extends RequestFailedException {
    private static final long serialVersionUID = 1L;

    public OperationNotExistException() {
    }

    public OperationNotExistException(Identity id, String facet, String operation) {
        super(id, facet, operation);
    }
}
