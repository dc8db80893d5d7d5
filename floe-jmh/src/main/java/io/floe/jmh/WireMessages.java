package io.floe.jmh;

import io.floe.EncodingVersion;
import io.floe.Identity;
import io.floe.OperationMode;
import io.floe.encoding.Encoder;
import io.floe.encoding.OutputStream;
import io.floe.protocol.CompressionStatus;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.MessageType;
import io.floe.protocol.ReplyStatus;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Map;

/**
 * Whole messages as the peer sends them, built with the public encoders only, so the
 * benchmarks feed the runtime the bytes a real client or server would (ice-protocol.md §2.3, §2.5):
 * <pre>
 * Request: header(type 0) | int32 request id | identity | facet | operation | mode | context | params encapsulation
 * Reply:   header(type 2) | int32 request id | byte reply status | results encapsulation
 * </pre>
 * The buffers are unpooled and stay readable: a benchmark sends a {@code retainedDuplicate()}
 * each time, so building them is not measured.
 */
public final class WireMessages {
    /** Both messages carry their request id right after the 14-byte header. */
    public static final int REQUEST_ID_OFFSET = MessageHeader.SIZE;
    private static final int TYPE_OFFSET = 8;
    private static final int REPLY_STATUS_OFFSET = REQUEST_ID_OFFSET + 4;

    private WireMessages() {
    }

    /** A twoway Request of {@code operation} on {@code identity}; {@code params} null: none. */
    public static ByteBuf request(int requestId, String identity, String operation, Encoder params) {
        ByteBuf buf = Unpooled.buffer(256);
        int start = MessageHeader.write(buf, MessageType.REQUEST, CompressionStatus.NONE);
        buf.writeIntLE(requestId);
        OutputStream out = new OutputStream(buf);
        new RequestHeader(requestId, Identity.of(identity), "", operation, OperationMode.NORMAL, Map.of())
                .writeFields(out);
        writeEncapsulation(out, params);
        MessageHeader.patchSize(buf, start);
        return buf;
    }

    /** A successful Reply (status 0); {@code results} null: none (a void operation). */
    public static ByteBuf reply(int requestId, Encoder results) {
        ByteBuf buf = Unpooled.buffer(64);
        int start = MessageHeader.write(buf, MessageType.REPLY, CompressionStatus.NONE);
        buf.writeIntLE(requestId);
        buf.writeByte(ReplyStatus.OK.code());
        writeEncapsulation(new OutputStream(buf), results);
        MessageHeader.patchSize(buf, start);
        return buf;
    }

    private static void writeEncapsulation(OutputStream out, Encoder content) {
        if (content == null) {
            out.writeEmptyEncapsulation(EncodingVersion.V1_1);
        } else {
            out.startEncapsulation();
            content.encode(out);
            out.endEncapsulation();
        }
    }

    public static MessageType type(ByteBuf message) {
        return MessageType.fromCode(message.getUnsignedByte(message.readerIndex() + TYPE_OFFSET));
    }

    public static int requestId(ByteBuf message) {
        return message.getIntLE(message.readerIndex() + REQUEST_ID_OFFSET);
    }

    /** The Reply's status byte. */
    public static ReplyStatus replyStatus(ByteBuf reply) {
        return ReplyStatus.fromCode(reply.getUnsignedByte(reply.readerIndex() + REPLY_STATUS_OFFSET));
    }

    /** Patches the request id of a message built here (for replies that must match a request). */
    public static void setRequestId(ByteBuf message, int requestId) {
        message.setIntLE(message.readerIndex() + REQUEST_ID_OFFSET, requestId);
    }
}
