package io.floe.protocol;

import io.floe.ProtocolException;

/** Byte 9 of the header (ice-protocol.md §2.9). */
public enum CompressionStatus {
    /** Not compressed; the sender wants no compressed reply. */
    NONE,
    /** Not compressed; the sender supports bzip2 and accepts a compressed reply. */
    SUPPORTED,
    /** The body is a bzip2 stream after an int32 uncompressed size. */
    COMPRESSED;

    public static CompressionStatus fromCode(int code) {
        CompressionStatus[] all = values();
        if (code < 0 || code >= all.length) {
            throw new ProtocolException("compression status: " + code + " (expected: 0 to 2)");
        }
        return all[code];
    }
}
