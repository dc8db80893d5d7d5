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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the byte stream into messages. The header is checked as soon as its 14 bytes are here,
 * so an oversized message is refused before its body is read (ice-protocol.md §5.4); any
 * violation is a {@link ProtocolException} and the connection closes.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(FrameDecoder.class);

    private final int messageSizeMax;
    private static final int COPY_THRESHOLD = 1024;

    private MessageHeader pending;
    private boolean refused;

    FrameDecoder(int messageSizeMax) {
        this.messageSizeMax = messageSizeMax;
        // Large messages arrive in many reads: gather them without copying each read again.
        setCumulator(COMPOSITE_CUMULATOR);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (refused) {
            in.skipBytes(in.readableBytes()); // the connection is closing after a protocol error
            return;
        }
        try {
            decodeFrames(in, out);
        } catch (RuntimeException e) {
            refused = true;
            throw e;
        }
    }

    private void decodeFrames(ByteBuf in, List<Object> out) {
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
                if (isBodyless(header.type()) && header.size() != MessageHeader.SIZE) {
                    // Refused now: waiting for a body that must not exist could take up to messageSizeMax.
                    throw new ProtocolException(header.type() + " of " + header.size()
                            + " bytes (expected: " + MessageHeader.SIZE + ")");
                }
                pending = header;
            }
            int bodySize = pending.size() - MessageHeader.SIZE;
            if (in.readableBytes() < bodySize) {
                return;
            }
            MessageHeader header = pending;
            pending = null;
            // A small body is copied out, so the read buffer it came in (kilobytes) is not kept
            // alive while the request waits for its dispatch; a large one is sliced, not copied.
            ByteBuf body = bodySize <= COPY_THRESHOLD ? in.readBytes(bodySize) : in.readRetainedSlice(bodySize);
            out.add(toFrame(header, body));
        }
    }

    /** The peer closed in the middle of a message: say so, the rest is dropped with the connection. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (pending != null || in.isReadable()) {
            String expected = pending == null ? MessageHeader.SIZE + " header bytes"
                    : pending.size() - MessageHeader.SIZE + " body bytes of a " + pending.type();
            log.warn("{} closed by the peer in the middle of a message: {} bytes of the {} arrived",
                    ctx.channel().remoteAddress(), in.readableBytes(), expected);
            in.skipBytes(in.readableBytes());
            pending = null;
        }
    }

    private Frame toFrame(MessageHeader header, ByteBuf body) {
        MessageType type = header.type();
        if (header.compression() == CompressionStatus.COMPRESSED && !isBodyless(type)) {
            try {
                ByteBuf plain = Bzip2.decompress(body, messageSizeMax);
                return new Frame(type, true, plain);
            } finally {
                body.release();
            }
        }
        return new Frame(type, header.compression() != CompressionStatus.NONE, body);
    }

    private static boolean isBodyless(MessageType type) {
        return type == MessageType.VALIDATE_CONNECTION || type == MessageType.CLOSE_CONNECTION;
    }
}
