package io.floe.internal.transport;

import io.floe.protocol.CompressionStatus;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/** The two bodyless messages. */
final class Messages {
    private Messages() {
    }

    // Sent to every new connection and as every heartbeat: one shared, read-only copy.
    private static final ByteBuf VALIDATE_CONNECTION = Unpooled.unreleasableBuffer(
            headerOnly(Unpooled.buffer(MessageHeader.SIZE), MessageType.VALIDATE_CONNECTION).asReadOnly());

    static ByteBuf validateConnection(ByteBufAllocator alloc) {
        return VALIDATE_CONNECTION.duplicate();
    }

    /** Puts a ValidateConnection message into {@code target}, from its position. */
    static void writeValidateConnection(java.nio.ByteBuffer target) {
        VALIDATE_CONNECTION.getBytes(VALIDATE_CONNECTION.readerIndex(), target.duplicate());
    }

    static ByteBuf closeConnection(ByteBufAllocator alloc) {
        return headerOnly(alloc, MessageType.CLOSE_CONNECTION);
    }

    private static ByteBuf headerOnly(ByteBufAllocator alloc, MessageType type) {
        return headerOnly(alloc.buffer(MessageHeader.SIZE), type);
    }

    private static ByteBuf headerOnly(ByteBuf buf, MessageType type) {
        MessageHeader.write(buf, type, CompressionStatus.NONE);
        return buf;
    }
}
