package io.floe.encoding;

import io.floe.EncodingVersion;
import io.floe.MarshalException;
import io.floe.ObjectPrx;
import io.floe.UserException;
import io.floe.Value;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes encoding 1.1 (ice-protocol.md §3) straight into a Netty buffer: little-endian, no
 * alignment, sizes in the 1-or-5-byte form. Encapsulation and slice sizes are written as
 * placeholders and patched in place when they end, so no value is copied twice.
 *
 * <p>Not thread-safe: one stream is written by one thread at a time. The stream does not own
 * its buffer; whoever created the buffer releases it.
 */
public final class OutputStream {
    private static final int EXACT_GROWTH_THRESHOLD = 64 * 1024;
    private static final int EXACT_GROWTH_SLACK = 64;

    // Flags of a slice (ice-protocol.md §3.11).
    static final int FLAG_HAS_TYPE_ID_STRING = 0x01;
    static final int FLAG_HAS_TYPE_ID_INDEX = 0x02;
    static final int FLAG_HAS_TYPE_ID_COMPACT = 0x03;
    static final int FLAG_HAS_OPTIONAL_MEMBERS = 0x04;
    static final int FLAG_HAS_INDIRECTION_TABLE = 0x08;
    static final int FLAG_HAS_SLICE_SIZE = 0x10;
    static final int FLAG_IS_LAST_SLICE = 0x20;

    private final ByteBuf buf;
    private final FormatType defaultFormat;
    private final Deque<Encapsulation> encapsulations = new ArrayDeque<>(2);
    private Encapsulation current;
    // Instances and slices written outside any encapsulation (tests, nested values).
    private ValueWriter topLevelValues;

    public OutputStream(ByteBuf buf) {
        this(buf, FormatType.COMPACT);
    }

    /** {@code defaultFormat} replaces {@link FormatType#DEFAULT} (Ice.Default.SlicedFormat). */
    public OutputStream(ByteBuf buf, FormatType defaultFormat) {
        this.buf = buf;
        this.defaultFormat = defaultFormat == FormatType.DEFAULT ? FormatType.COMPACT : defaultFormat;
    }

    public ByteBuf buffer() {
        return buf;
    }

    /** Bytes written so far, counted from the buffer's reader index. */
    public int size() {
        return buf.readableBytes();
    }

    public void writeBool(boolean v) {
        buf.writeByte(v ? 1 : 0);
    }

    public void writeByte(byte v) {
        buf.writeByte(v);
    }

    public void writeShort(short v) {
        buf.writeShortLE(v);
    }

    public void writeInt(int v) {
        buf.writeIntLE(v);
    }

    public void writeLong(long v) {
        buf.writeLongLE(v);
    }

    public void writeFloat(float v) {
        buf.writeIntLE(Float.floatToRawIntBits(v));
    }

    public void writeDouble(double v) {
        buf.writeLongLE(Double.doubleToRawLongBits(v));
    }

    /** A count or length: one byte below 255, else {@code ff} and an int32 (ice-protocol.md §3.1). */
    public void writeSize(int v) {
        if (v < 0) {
            throw new MarshalException("size: " + v + " (expected: >= 0)");
        }
        if (v < 255) {
            buf.writeByte(v);
        } else {
            buf.writeByte(255);
            buf.writeIntLE(v);
        }
    }

    /** Size-prefixed UTF-8 without terminator; null is written as the empty string. */
    public void writeString(String v) {
        if (v == null || v.isEmpty()) {
            buf.writeByte(0);
            return;
        }
        // Not ByteBufUtil.writeUtf8: after a lone high surrogate it writes the next char as one
        // byte ("\uD800é" -> 3f e9, invalid UTF-8). The JDK encoder replaces only the unpaired
        // surrogate with '?' and keeps every other character intact.
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        writeSize(utf8.length);
        buf.writeBytes(utf8);
    }

    /** An enumerator's value, written as a size in encoding 1.1 (ice-protocol.md §3.6). */
    public void writeEnum(int value) {
        writeSize(value);
    }

    // Sequences: a null array is written as an empty one, as Ice does.

    public void writeBoolSeq(boolean[] v) {
        int n = v == null ? 0 : v.length;
        writeSize(n);
        for (int i = 0; i < n; i++) {
            buf.writeByte(v[i] ? 1 : 0);
        }
    }

    public void writeByteSeq(byte[] v) {
        int n = v == null ? 0 : v.length;
        writeSize(n);
        if (n > 0) {
            reserve(n);
            buf.writeBytes(v);
        }
    }

    /**
     * Room for {@code bytes} more. A large sequence gets exactly its room (plus a little for what
     * follows it) instead of Netty's doubling, which would give a 1 MiB payload a 2 MiB buffer.
     */
    private void reserve(int bytes) {
        if (buf.writableBytes() >= bytes) {
            return;
        }
        if (bytes >= EXACT_GROWTH_THRESHOLD) {
            long wanted = (long) buf.writerIndex() + bytes + EXACT_GROWTH_SLACK;
            if (wanted <= buf.maxCapacity()) {
                buf.capacity((int) wanted);
                return;
            }
        }
        buf.ensureWritable(bytes);
    }

    public void writeShortSeq(short[] v) {
        int n = v == null ? 0 : v.length;
        writeSize(n);
        reserve(n * 2);
        for (int i = 0; i < n; i++) {
            buf.writeShortLE(v[i]);
        }
    }

    public void writeIntSeq(int[] v) {
        int n = v == null ? 0 : v.length;
        writeSize(n);
        reserve(n * 4);
        for (int i = 0; i < n; i++) {
            buf.writeIntLE(v[i]);
        }
    }

    public void writeLongSeq(long[] v) {
        int n = v == null ? 0 : v.length;
        writeSize(n);
        reserve(n * 8);
        for (int i = 0; i < n; i++) {
            buf.writeLongLE(v[i]);
        }
    }

    public void writeFloatSeq(float[] v) {
        int n = v == null ? 0 : v.length;
        writeSize(n);
        reserve(n * 4);
        for (int i = 0; i < n; i++) {
            buf.writeIntLE(Float.floatToRawIntBits(v[i]));
        }
    }

    public void writeDoubleSeq(double[] v) {
        int n = v == null ? 0 : v.length;
        writeSize(n);
        reserve(n * 8);
        for (int i = 0; i < n; i++) {
            buf.writeLongLE(Double.doubleToRawLongBits(v[i]));
        }
    }

    public void writeStringSeq(String[] v) {
        int n = v == null ? 0 : v.length;
        writeSize(n);
        for (int i = 0; i < n; i++) {
            writeString(v[i]);
        }
    }

    /** Writes a proxy, or {@code 00 00} for null (ice-protocol.md §3.9). */
    public void writeProxy(ObjectPrx proxy) {
        if (proxy == null) {
            buf.writeByte(0);
            buf.writeByte(0);
        } else {
            proxy.ice_reference().write(this);
        }
    }

    // Encapsulations (ice-protocol.md §3.7): int32 size including the 6-byte header, then version.

    public void startEncapsulation() {
        startEncapsulation(EncodingVersion.V1_1, FormatType.DEFAULT);
    }

    public void startEncapsulation(EncodingVersion encoding, FormatType format) {
        if (!encoding.isSupported()) {
            throw new io.floe.UnsupportedEncodingException(
                    "encoding: " + encoding + " (expected: 1.0 or 1.1)");
        }
        if (current != null) {
            encapsulations.push(current);
        }
        current = new Encapsulation(buf.writerIndex(), encoding,
                format == FormatType.DEFAULT ? defaultFormat : format);
        buf.writeIntLE(0);
        buf.writeByte(encoding.major());
        buf.writeByte(encoding.minor());
    }

    public void endEncapsulation() {
        if (current == null) {
            throw new IllegalStateException("no encapsulation was started");
        }
        buf.setIntLE(current.start, buf.writerIndex() - current.start);
        current = encapsulations.poll();
    }

    public void writeEmptyEncapsulation(EncodingVersion encoding) {
        buf.writeIntLE(6);
        buf.writeByte(encoding.major());
        buf.writeByte(encoding.minor());
    }

    /** The encoding of the encapsulation being written (1.1 outside any). */
    public EncodingVersion encoding() {
        return current == null ? EncodingVersion.V1_1 : current.encoding;
    }

    // Classes (ice-protocol.md §3.13, §3.14).

    /** A class reference: {@code 00} for null, the instance inline, or a back reference. */
    public void writeValue(Value v) {
        if (v != null && encoding().minor() < 1) {
            throw new MarshalException("class instance " + v.ice_id()
                    + " in encoding 1.0 (expected: encoding 1.1; 1.0 classes are not supported)");
        }
        values().writeReference(v);
    }

    /** Starts a class slice that has a base slice after it; {@code compactId} -1 when none. */
    public void startValueSlice(String typeId, int compactId) {
        values().startValueSlice(typeId, compactId, false);
    }

    /** Starts the slice of the topmost class of the hierarchy (flag 0x20). */
    public void startLastValueSlice(String typeId, int compactId) {
        values().startValueSlice(typeId, compactId, true);
    }

    // Exceptions (ice-protocol.md §3.12): slices, most derived first; type ids always as strings.

    /**
     * Writes a user exception's slices, most derived first. In the sliced format the slices
     * preserved when it was read ({@link UserException#ice_getSlicedData}) go first, as they
     * came; in the compact format they are dropped.
     */
    public void writeException(UserException ex) {
        values().writeException(ex);
    }

    /** Starts a slice that has a base slice after it. */
    public void startSlice(String typeId) {
        values().startExceptionSlice(typeId, false);
    }

    /** Starts the root slice of the hierarchy (flag 0x20). */
    public void startLastSlice(String typeId) {
        values().startExceptionSlice(typeId, true);
    }

    /** Ends a class or exception slice: its optionals' {@code ff}, its size, its table. */
    public void endSlice() {
        values().endSlice();
    }

    // Optional values (ice-protocol.md §3.15).

    /**
     * Writes the tag marker of an optional value and returns true; in an encoding 1.0
     * encapsulation, which has no optionals, writes nothing and returns false.
     */
    public boolean writeOptional(int tag, OptionalFormat format) {
        if (tag < 0) {
            throw new IllegalArgumentException("tag: " + tag + " (expected: >= 0)");
        }
        if (encoding().minor() < 1) {
            return false;
        }
        if (tag < 30) {
            buf.writeByte((tag << 3) | format.code());
        } else {
            buf.writeByte(0xf0 | format.code());
            writeSize(tag);
        }
        values().markOptional();
        return true;
    }

    /** Writes an int32 size placeholder (FSize) and returns where it is, for {@link #endSize}. */
    public int startSize() {
        int at = buf.writerIndex();
        buf.writeIntLE(0);
        return at;
    }

    /** Patches the placeholder at {@code start} to the number of bytes written after it. */
    public void endSize(int start) {
        buf.setIntLE(start, buf.writerIndex() - start - 4);
    }

    private ValueWriter values() {
        if (current != null) {
            if (current.values == null) {
                current.values = new ValueWriter(this, current.format);
            }
            return current.values;
        }
        if (topLevelValues == null) {
            topLevelValues = new ValueWriter(this, defaultFormat);
        }
        return topLevelValues;
    }

    private static final class Encapsulation {
        final int start;
        final EncodingVersion encoding;
        final FormatType format;
        ValueWriter values; // made at the first instance or slice

        Encapsulation(int start, EncodingVersion encoding, FormatType format) {
            this.start = start;
            this.encoding = encoding;
            this.format = format;
        }
    }
}
