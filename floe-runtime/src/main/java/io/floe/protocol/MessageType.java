package io.floe.protocol;

import io.floe.ProtocolException;

/** The five protocol 1.0 messages (ice-protocol.md §2.2). */
public enum MessageType {
    REQUEST,
    BATCH_REQUEST,
    REPLY,
    VALIDATE_CONNECTION,
    CLOSE_CONNECTION;

    public int code() {
        return ordinal();
    }

    public static MessageType fromCode(int code) {
        MessageType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new ProtocolException("message type: " + code + " (expected: 0 to 4)");
        }
        return all[code];
    }
}
