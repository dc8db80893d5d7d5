package io.floe.internal.dispatch;

import io.floe.EncodingVersion;
import io.floe.encoding.FormatType;
import io.floe.encoding.OutputStream;
import io.floe.protocol.CompressionStatus;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.MessageType;
import io.floe.protocol.ReplyStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Writes one Reply straight into a pooled buffer (ice-protocol.md §2.5):
 * <pre>
 * header(type 2) | int32 request id | byte status | status-specific body
 * </pre>
 * The header's size is patched when the reply is finished.
 */
final class ReplyBuilder {
    private final ByteBuf buf;
    private final int headerStart;
    private final OutputStream out;

    ReplyBuilder(ByteBufAllocator alloc, int requestId, ReplyStatus status, FormatType format) {
        this.buf = alloc.ioBuffer(128);
        this.headerStart = MessageHeader.write(buf, MessageType.REPLY, CompressionStatus.NONE);
        buf.writeIntLE(requestId);
        buf.writeByte(status.code());
        this.out = new OutputStream(buf, format);
    }

    OutputStream out() {
        return out;
    }

    /** Starts the results or exception encapsulation in the request's encoding. */
    OutputStream startEncapsulation(EncodingVersion encoding, FormatType format) {
        out.startEncapsulation(encoding, format);
        return out;
    }

    /** Ends what is open and returns the finished message; the caller owns it. */
    ByteBuf finish(boolean encapsulationOpen) {
        if (encapsulationOpen) {
            out.endEncapsulation();
        }
        MessageHeader.patchSize(buf, headerStart);
        return buf;
    }

    void discard() {
        buf.release();
    }
}
