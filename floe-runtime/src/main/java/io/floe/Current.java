package io.floe;

import java.util.Map;

/**
 * What a servant knows about the request it is dispatching. {@code connection} (its addresses)
 * and {@code con} (the connection itself, for {@code con.createProxy} callbacks) are null for a
 * collocated call; {@code requestId} is 0 for a oneway request.
 */
public record Current(ObjectAdapter adapter, ConnectionInfo connection, Identity id, String facet,
                      String operation, OperationMode mode, Map<String, String> ctx, int requestId,
                      EncodingVersion encoding, Connection con) {
    public Current {
        ctx = ctx == null ? Map.of() : ctx;
        facet = facet == null ? "" : facet;
    }

    /** Without the connection object ({@code con} null), as before it was added. */
    public Current(ObjectAdapter adapter, ConnectionInfo connection, Identity id, String facet,
                   String operation, OperationMode mode, Map<String, String> ctx, int requestId,
                   EncodingVersion encoding) {
        this(adapter, connection, id, facet, operation, mode, ctx, requestId, encoding, null);
    }
}
