package io.floe.internal.transport;

import io.floe.protocol.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Compresses outgoing messages that ask for it (ice-protocol.md §2.9). A Request, BatchRequest
 * or Reply written with compression status 1 is sent with status 2 when it is at least 100 bytes
 * and its compressed form is smaller; otherwise it goes out as it is, with status 1. Who asks:
 * a proxy whose endpoint has {@code -z} ({@code RequestEncoder.askForCompression}), and a server
 * answering a request that came with status 1 or 2. Other messages pass untouched; the two
 * bodyless ones are never compressed.
 */
final class Compressor extends ChannelOutboundHandlerAdapter {
    /** Ice compresses nothing smaller (ice-protocol.md §2.9). */
    static final int MIN_SIZE = 100;
    private static final int STATUS_OFFSET = 9;
    private static final int TYPE_OFFSET = 8;

    private final int level;

    Compressor(int level) {
        this.level = Math.max(1, Math.min(9, level));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf message && wantsCompression(message)) {
            ByteBuf compressed;
            try {
                compressed = Bzip2.compress(message, level, ctx.alloc());
            } catch (RuntimeException e) {
                message.release();
                promise.setFailure(e);
                return;
            }
            if (compressed != null) {
                message.release();
                ctx.write(compressed, promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    private static boolean wantsCompression(ByteBuf message) {
        int start = message.readerIndex();
        if (message.readableBytes() < MIN_SIZE || message.getByte(start + STATUS_OFFSET) != 1) {
            return false;
        }
        int type = message.getByte(start + TYPE_OFFSET);
        return type == MessageType.REQUEST.code() || type == MessageType.BATCH_REQUEST.code()
                || type == MessageType.REPLY.code();
    }

    /** Marks a whole message (header at its reader index) as wanting compression: status 1. */
    static void askForCompression(ByteBuf message) {
        message.setByte(message.readerIndex() + STATUS_OFFSET, 1);
    }
}
