package io.floe;

import static java.util.Objects.requireNonNull;

/**
 * The Active Connection Management settings of a connection, as Ice's {@code ACM} struct.
 *
 * @param timeout seconds; 0 turns ACM off
 */
public record ACM(int timeout, ACMClose close, ACMHeartbeat heartbeat) {
    public ACM {
        if (timeout < 0) {
            throw new IllegalArgumentException("ACM timeout: " + timeout + " (expected: >= 0)");
        }
        requireNonNull(close, "close");
        requireNonNull(heartbeat, "heartbeat");
    }
}
