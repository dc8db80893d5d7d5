package io.floe.internal.transport;

import io.floe.MemoryLimitException;
import io.floe.ProtocolException;
import io.floe.protocol.CompressionStatus;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into messages. The header is checked as soon as its 14 bytes are here,
 * so an oversized message is refused before its body is read (ice-protocol.md §5.4); any
 * violation is a {@link ProtocolException} and the connection closes.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private final int messageSizeMax;
    private MessageHeader pending;

    FrameDecoder(int messageSizeMax) {
        this.messageSizeMax = messageSizeMax;
        // Large messages arrive in many reads: gather them without copying each read again.
        setCumulator(COMPOSITE_CUMULATOR);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            if (pending == null) {
                if (in.readableBytes() < MessageHeader.SIZE) {
                    return;
                }
                MessageHeader header = MessageHeader.read(in);
                if (header.size() > messageSizeMax) {
                    throw new MemoryLimitException("message of " + header.size()
                            + " bytes (expected: <= " + messageSizeMax + ", see Ice.MessageSizeMax)");
                }
                pending = header;
            }
            int bodySize = pending.size() - MessageHeader.SIZE;
            if (in.readableBytes() < bodySize) {
                return;
            }
            MessageHeader header = pending;
            pending = null;
            ByteBuf body = in.readRetainedSlice(bodySize);
            out.add(toFrame(header, body));
        }
    }

    private Frame toFrame(MessageHeader header, ByteBuf body) {
        MessageType type = header.type();
        boolean bodyless = type == MessageType.VALIDATE_CONNECTION || type == MessageType.CLOSE_CONNECTION;
        if (bodyless && body.isReadable()) {
            body.release();
            throw new ProtocolException(type + " of " + header.size() + " bytes (expected: 14)");
        }
        if (header.compression() == CompressionStatus.COMPRESSED && !bodyless) {
            try {
                ByteBuf plain = Bzip2.decompress(body, messageSizeMax);
                return new Frame(type, true, plain);
            } finally {
                body.release();
            }
        }
        return new Frame(type, header.compression() != CompressionStatus.NONE, body);
    }
}
