package io.floe.internal.transport;

/**
 * Limits and timers of a connection: {@code Ice.MessageSizeMax} in bytes, how long a graceful
 * close waits for the peer, and how long a connection with pending dispatches may stay silent
 * before a heartbeat goes out.
 */
public record ConnectionSettings(int messageSizeMax, int closeTimeoutMillis, int heartbeatMillis,
                                 int connectTimeoutMillis) {
}
