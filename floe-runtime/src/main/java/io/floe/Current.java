package io.floe;

import java.util.Map;

/**
 * What a servant knows about the request it is dispatching. {@code connection} is null for a
 * collocated call; {@code requestId} is 0 for a oneway request.
 */
public record Current(ObjectAdapter adapter, ConnectionInfo connection, Identity id, String facet,
                      String operation, OperationMode mode, Map<String, String> ctx, int requestId,
                      EncodingVersion encoding) {
    public Current {
        ctx = ctx == null ? Map.of() : ctx;
        facet = facet == null ? "" : facet;
    }
}
