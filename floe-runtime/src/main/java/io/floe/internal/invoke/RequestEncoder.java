package io.floe.internal.invoke;

import io.floe.EncodingVersion;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.OutputStream;
import io.floe.protocol.CompressionStatus;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.MessageType;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes a whole Request message on the calling thread (ice-protocol.md §2.3):
 * <pre>
 * header(type 0) | int32 request id (patched by the connection) | identity | facet | operation
 * | mode | context | params encapsulation
 * </pre>
 */
public final class RequestEncoder {
    private RequestEncoder() {
    }

    /**
     * Marks an encoded message as asking for compression (status 1, ice-protocol.md §2.9): the
     * connection sends it bzip2-compressed (status 2) if it is at least 100 bytes and that makes
     * it smaller, and the server may then compress its reply. For proxies whose endpoint has
     * {@code -z}.
     */
    public static ByteBuf askForCompression(ByteBuf message) {
        message.setByte(message.readerIndex() + 9, CompressionStatus.SUPPORTED.ordinal());
        return message;
    }

    public static ByteBuf encode(RequestHeader header, EncodingVersion encoding, FormatType format,
                                 FormatType defaultFormat, Encoder params) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.ioBuffer(256);
        try {
            int start = MessageHeader.write(buf, MessageType.REQUEST, CompressionStatus.NONE);
            buf.writeIntLE(header.requestId());
            OutputStream out = new OutputStream(buf, defaultFormat);
            header.writeFields(out);
            if (params == null) {
                out.writeEmptyEncapsulation(encoding);
            } else {
                out.startEncapsulation(encoding, format);
                params.encode(out);
                out.endEncapsulation();
            }
            MessageHeader.patchSize(buf, start);
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }
}
