package io.floe.internal.proxy;

import io.floe.internal.Instance;
import io.floe.internal.transport.Connector;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client connections are shared per endpoint and connection id ({@code ice_connectionId}):
 * the communicator's connector serves the default id "", and each other id gets a connector of
 * its own, made on first use.
 */
public final class ConnectionPools {
    private final Instance instance;
    private final Map<String, Connector> byId = new ConcurrentHashMap<>();

    public ConnectionPools(Instance instance) {
        this.instance = instance;
    }

    Connector forId(String connectionId) {
        if (connectionId.isEmpty()) {
            return instance.connector();
        }
        return byId.computeIfAbsent(connectionId, id -> new Connector(instance, id, instance.connectionSettings("Ice")));
    }

    /** Closes the connections of every non-default id, as {@link Connector#closeAll()}. */
    public CompletableFuture<Void> closeAll() {
        return CompletableFuture.allOf(byId.values().stream().map(Connector::closeAll)
                .toArray(CompletableFuture[]::new));
    }
}
