package io.floe.internal.transport;

import io.floe.MarshalException;
import io.floe.MemoryLimitException;
import io.floe.protocol.MessageHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Compression status 2 bodies (ice-protocol.md §2.9): an int32 uncompressed message size
 * (header included), then a bzip2 stream of the body.
 */
final class Bzip2 {
    private Bzip2() {
    }

    /**
     * The compressed form of a whole message (header included, at its reader index), or null
     * when it would not be smaller (Ice for Java then sends it as it is, with status 1):
     * <pre>
     * header (byte 9 = 2, size = on the wire) | int32 uncompressed size | "BZh" level ... bzip2 stream of the body
     * </pre>
     * The message is left untouched.
     */
    static ByteBuf compress(ByteBuf message, int level, ByteBufAllocator alloc) {
        int start = message.readerIndex();
        int size = message.readableBytes();
        ByteBuf out = alloc.ioBuffer(Math.max(64, size / 2));
        try {
            out.writeBytes(message, start, MessageHeader.SIZE);
            out.writeIntLE(size);
            try (var bzip = new BZip2CompressorOutputStream(new ByteBufOutputStream(out), level)) {
                message.getBytes(start + MessageHeader.SIZE, bzip, size - MessageHeader.SIZE);
            }
            if (out.readableBytes() >= size) {
                out.release();
                return null;
            }
            out.setByte(9, 2);
            out.setIntLE(10, out.readableBytes());
            return out;
        } catch (IOException | RuntimeException e) {
            out.release();
            throw new MarshalException("cannot compress a message of " + size + " bytes: " + e, e);
        }
    }

    static ByteBuf decompress(ByteBuf body, int messageSizeMax) {
        if (body.readableBytes() < 4) {
            throw new MarshalException("compressed body of " + body.readableBytes() + " bytes (expected: >= 4)");
        }
        int size = body.readIntLE();
        if (size < MessageHeader.SIZE) {
            throw new MarshalException("uncompressed size: " + size + " (expected: >= 14)");
        }
        if (size > messageSizeMax) {
            throw new MemoryLimitException("uncompressed message of " + size
                    + " bytes (expected: <= " + messageSizeMax + ", see Ice.MessageSizeMax)");
        }
        int bodySize = size - MessageHeader.SIZE;
        ByteBuf plain = ByteBufAllocator.DEFAULT.buffer(bodySize);
        try (var in = new BZip2CompressorInputStream(new ByteBufInputStream(body));
             var out = new ByteBufOutputStream(plain)) {
            byte[] chunk = new byte[8192];
            int total = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total > bodySize) {
                    throw new MarshalException("bzip2 body longer than the announced " + bodySize + " bytes");
                }
                out.write(chunk, 0, n);
            }
            if (total != bodySize) {
                throw new MarshalException("bzip2 body of " + total + " bytes (expected: " + bodySize + ")");
            }
            return plain;
        } catch (IOException e) {
            plain.release();
            throw new MarshalException("bad bzip2 body: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            plain.release();
            throw e;
        }
    }
}
