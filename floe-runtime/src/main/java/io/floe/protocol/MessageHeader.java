package io.floe.protocol;

import io.floe.BadMagicException;
import io.floe.ProtocolException;
import io.netty.buffer.ByteBuf;

/**
 * The 14-byte header of every message (ice-protocol.md §2.1):
 * <pre>
 * 0  "IceP"   4  protocol 1.0   6  encoding 1.0   8  type   9  compression   10  int32 size
 * </pre>
 * The size counts the header itself.
 */
public record MessageHeader(MessageType type, CompressionStatus compression, int size) {
    public static final int SIZE = 14;
    private static final int MAGIC = 0x49636550; // "IceP", big-endian as read by getInt

    public MessageHeader {
        if (size < SIZE) {
            throw new ProtocolException("message size: " + size + " (expected: >= " + SIZE + ")");
        }
    }

    /** Reads and checks a header at the buffer's reader index, which it advances by 14. */
    public static MessageHeader read(ByteBuf in) {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new BadMagicException(String.format("magic: 0x%08x (expected: 0x%08x \"IceP\")", magic, MAGIC));
        }
        int protocolMajor = in.readUnsignedByte();
        int protocolMinor = in.readUnsignedByte();
        if (protocolMajor != 1 || protocolMinor != 0) {
            throw new ProtocolException("protocol: " + protocolMajor + "." + protocolMinor + " (expected: 1.0)");
        }
        int encodingMajor = in.readUnsignedByte();
        int encodingMinor = in.readUnsignedByte();
        if (encodingMajor != 1 || encodingMinor != 0) {
            throw new ProtocolException(
                    "header encoding: " + encodingMajor + "." + encodingMinor + " (expected: 1.0)");
        }
        MessageType type = MessageType.fromCode(in.readUnsignedByte());
        CompressionStatus compression = CompressionStatus.fromCode(in.readUnsignedByte());
        int size = in.readIntLE();
        return new MessageHeader(type, compression, size);
    }

    /** Writes a header whose size is patched later by {@link #patchSize}; returns where it starts. */
    public static int write(ByteBuf out, MessageType type, CompressionStatus compression) {
        int start = out.writerIndex();
        out.writeInt(MAGIC);
        out.writeByte(1);
        out.writeByte(0);
        out.writeByte(1);
        out.writeByte(0);
        out.writeByte(type.code());
        out.writeByte(compression.ordinal());
        out.writeIntLE(SIZE);
        return start;
    }

    /** Sets the size field of the header at {@code start} to everything written since. */
    public static void patchSize(ByteBuf out, int start) {
        out.setIntLE(start + 10, out.writerIndex() - start);
    }
}
