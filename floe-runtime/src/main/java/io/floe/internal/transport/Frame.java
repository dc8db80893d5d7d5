package io.floe.internal.transport;

import io.floe.protocol.MessageType;
import io.netty.buffer.ByteBuf;

/**
 * One received message: its type and its body after the 14-byte header (already decompressed).
 * The receiver owns {@code body} and releases it.
 */
public record Frame(MessageType type, boolean compressionSupported, ByteBuf body) {
}
