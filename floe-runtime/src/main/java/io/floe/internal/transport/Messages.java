package io.floe.internal.transport;

import io.floe.protocol.CompressionStatus;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** The two bodyless messages. */
final class Messages {
    private Messages() {
    }

    static ByteBuf validateConnection(ByteBufAllocator alloc) {
        return headerOnly(alloc, MessageType.VALIDATE_CONNECTION);
    }

    static ByteBuf closeConnection(ByteBufAllocator alloc) {
        return headerOnly(alloc, MessageType.CLOSE_CONNECTION);
    }

    private static ByteBuf headerOnly(ByteBufAllocator alloc, MessageType type) {
        ByteBuf buf = alloc.buffer(MessageHeader.SIZE);
        MessageHeader.write(buf, type, CompressionStatus.NONE);
        return buf;
    }
}
