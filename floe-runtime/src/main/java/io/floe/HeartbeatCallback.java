package io.floe;

/** Told of each heartbeat the peer sends ({@link Connection#setHeartbeatCallback}); runs on the client thread pool. */
@FunctionalInterface
public interface HeartbeatCallback {
    void heartbeat(Connection connection);
}
