package io.floe;

/** Reply status 3: the identity has no servant with that facet. */
public final class FacetNotExistException extends RequestFailedException {
    private static final long serialVersionUID = 1L;

    public FacetNotExistException() {
    }

    public FacetNotExistException(Identity id, String facet, String operation) {
        super(id, facet, operation);
    }
}
