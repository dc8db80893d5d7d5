package io.floe;

/**
 * The target of a request was not found. A servant may raise a subclass with empty fields;
 * the runtime fills in the request's identity, facet and operation (ice-protocol.md §4.1).
 */
public class RequestFailedException extends LocalException {
    private static final long serialVersionUID = 1L;

    private final Identity id;
    private final String facet;
    private final String operation;

    public RequestFailedException() {
        this(null, "", "");
    }

    public RequestFailedException(Identity id, String facet, String operation) {
        super(describe(id, facet, operation));
        this.id = id;
        this.facet = facet == null ? "" : facet;
        this.operation = operation == null ? "" : operation;
    }

    /** The identity, or null when the servant left it for the runtime to fill in. */
    public Identity id() {
        return id;
    }

    public String facet() {
        return facet;
    }

    public String operation() {
        return operation;
    }

    private static String describe(Identity id, String facet, String operation) {
        if (id == null) {
            return "";
        }
        return "identity: '" + id + "', facet: '" + (facet == null ? "" : facet)
                + "', operation: " + operation;
    }
}
