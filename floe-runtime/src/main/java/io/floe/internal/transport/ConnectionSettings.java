package io.floe.internal.transport;

/**
 * Limits and timers of a connection: {@code Ice.MessageSizeMax} in bytes, how long a graceful
 * close waits for the peer, Active Connection Management ({@link Acm}), the bzip2 block size of compressed messages
 * ({@code Ice.Compression.Level}, 1..9) and the size at which a batch is flushed by itself
 * ({@code Ice.BatchAutoFlushSize} in bytes; 0: never).
 */
public record ConnectionSettings(int messageSizeMax, int closeTimeoutMillis, Acm acm,
                                 int connectTimeoutMillis, int compressionLevel, int batchAutoFlushBytes) {
    public ConnectionSettings {
        if (compressionLevel < 1 || compressionLevel > 9) {
            throw new io.floe.InitializationException("Ice.Compression.Level: " + compressionLevel
                    + " (expected: 1 to 9)");
        }
    }
}
