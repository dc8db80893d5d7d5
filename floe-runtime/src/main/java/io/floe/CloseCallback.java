package io.floe;

/** Told when a connection closed ({@link Connection#setCloseCallback}); runs on the client thread pool. */
@FunctionalInterface
public interface CloseCallback {
    /** {@link Connection#throwException} says why it closed. */
    void closed(Connection connection);
}
