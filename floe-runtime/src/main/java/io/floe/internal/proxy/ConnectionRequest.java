package io.floe.internal.proxy;

import io.floe.Connection;
import io.floe.internal.endpoint.TcpEndpoint;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ice_getConnection}: the connection a call of a reference would use, made if needed,
 * trying the endpoints in the order a call would (failover) and remembering the one that answered.
 */
final class ConnectionRequest {
    private ConnectionRequest() {
    }

    /** {@code order}: the reference's endpoints, or those its locator resolved, in connection order. */
    static CompletableFuture<Connection> open(ProxyReference reference, List<TcpEndpoint> order) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        attempt(reference, order, 0, result);
        return result;
    }

    private static void attempt(ProxyReference reference, List<TcpEndpoint> order, int index,
                                CompletableFuture<Connection> result) {
        TcpEndpoint endpoint = order.get(index);
        reference.connector().whenConnected(reference.forConnecting(endpoint), (connection, error) -> {
            if (error == null) {
                reference.rememberConnection(endpoint);
                result.complete(connection.handle());
            } else if (index + 1 < order.size()) {
                reference.forgetConnection(endpoint);
                attempt(reference, order, index + 1, result);
            } else {
                reference.forgetConnection(endpoint);
                result.completeExceptionally(error);
            }
        });
    }
}
