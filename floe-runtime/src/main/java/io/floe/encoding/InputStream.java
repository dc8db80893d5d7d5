package io.floe.encoding;

import io.floe.EncapsulationException;
import io.floe.EncodingVersion;
import io.floe.Identity;
import io.floe.MarshalException;
import io.floe.ObjectPrx;
import io.floe.UnexpectedObjectException;
import io.floe.UnknownUserException;
import io.floe.UnmarshalOutOfBoundsException;
import io.floe.UnsupportedEncodingException;
import io.floe.UserException;
import io.floe.Value;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Reads encoding 1.1 (ice-protocol.md §3) from a Netty buffer. Nothing read from the wire is
 * trusted: every size is checked against the bytes that remain before anything is allocated,
 * and running past the end of the data or of an encapsulation is an
 * {@link UnmarshalOutOfBoundsException}.
 *
 * <p>Not thread-safe. The stream does not own its buffer.
 */
public final class InputStream {
    /** Ice.ClassGraphDepthMax's default. */
    public static final int DEFAULT_CLASS_GRAPH_DEPTH_MAX = 100;

    private final ByteBuf buf;
    private final ProxyDecoder proxies;
    private ValueFactory valueFactory;
    private final int classGraphDepthMax;
    private final Deque<Encapsulation> encapsulations = new ArrayDeque<>(2);
    private Encapsulation current;
    // Instances and slices read outside any encapsulation (tests, nested values).
    private ValueReader topLevelValues;
    private final OptionalValues optionals = new OptionalValues(this);

    public InputStream(ByteBuf buf) {
        this(buf, null);
    }

    /** {@code proxies} reads proxies; without it, reading a non-null proxy fails. */
    public InputStream(ByteBuf buf, ProxyDecoder proxies) {
        this(buf, proxies, null, DEFAULT_CLASS_GRAPH_DEPTH_MAX);
    }

    /**
     * {@code values} makes class instances (null: generated classes found by their names, no
     * package prefixes); graphs nested deeper than {@code classGraphDepthMax} are refused.
     */
    public InputStream(ByteBuf buf, ProxyDecoder proxies, ValueFactory values, int classGraphDepthMax) {
        if (classGraphDepthMax < 1) {
            throw new IllegalArgumentException("classGraphDepthMax: " + classGraphDepthMax + " (expected: >= 1)");
        }
        this.buf = buf;
        this.proxies = proxies;
        this.valueFactory = values;
        this.classGraphDepthMax = classGraphDepthMax;
    }

    public ByteBuf buffer() {
        return buf;
    }

    /** Bytes left before the end of the current encapsulation (or of the buffer). */
    public int remaining() {
        return limit() - buf.readerIndex();
    }

    private int limit() {
        return current == null ? buf.writerIndex() : current.end;
    }

    private void need(int n) {
        if (n < 0 || n > remaining()) {
            throw new UnmarshalOutOfBoundsException(
                    "need " + n + " bytes, " + remaining() + " left");
        }
    }

    public boolean readBool() {
        need(1);
        return buf.readByte() != 0;
    }

    public byte readByte() {
        need(1);
        return buf.readByte();
    }

    public short readShort() {
        need(2);
        return buf.readShortLE();
    }

    public int readInt() {
        need(4);
        return buf.readIntLE();
    }

    public long readLong() {
        need(8);
        return buf.readLongLE();
    }

    public float readFloat() {
        need(4);
        return Float.intBitsToFloat(buf.readIntLE());
    }

    public double readDouble() {
        need(8);
        return Double.longBitsToDouble(buf.readLongLE());
    }

    public int readSize() {
        need(1);
        int b = buf.readUnsignedByte();
        if (b < 255) {
            return b;
        }
        need(4);
        int v = buf.readIntLE();
        if (v < 0) {
            throw new MarshalException("size: " + v + " (expected: >= 0)");
        }
        return v;
    }

    /**
     * Reads a sequence count and checks that {@code count × minElementSize} bytes remain, so a
     * forged count cannot make the reader allocate more than the message holds.
     */
    public int readAndCheckSeqSize(int minElementSize) {
        int n = readSize();
        if ((long) n * minElementSize > remaining()) {
            throw new UnmarshalOutOfBoundsException("sequence of " + n + " elements of at least "
                    + minElementSize + " bytes, " + remaining() + " bytes left");
        }
        return n;
    }

    public String readString() {
        int n = readSize();
        if (n == 0) {
            return "";
        }
        need(n);
        String s = buf.toString(buf.readerIndex(), n, StandardCharsets.UTF_8);
        buf.skipBytes(n);
        return s;
    }

    /** An enumerator's value; the generated enum checks that it is declared. */
    public int readEnum() {
        return readSize();
    }

    public boolean[] readBoolSeq() {
        int n = readAndCheckSeqSize(1);
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = buf.readByte() != 0;
        }
        return v;
    }

    public byte[] readByteSeq() {
        int n = readAndCheckSeqSize(1);
        byte[] v = new byte[n];
        buf.readBytes(v);
        return v;
    }

    public short[] readShortSeq() {
        int n = readAndCheckSeqSize(2);
        short[] v = new short[n];
        for (int i = 0; i < n; i++) {
            v[i] = buf.readShortLE();
        }
        return v;
    }

    public int[] readIntSeq() {
        int n = readAndCheckSeqSize(4);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = buf.readIntLE();
        }
        return v;
    }

    public long[] readLongSeq() {
        int n = readAndCheckSeqSize(8);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = buf.readLongLE();
        }
        return v;
    }

    public float[] readFloatSeq() {
        int n = readAndCheckSeqSize(4);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = Float.intBitsToFloat(buf.readIntLE());
        }
        return v;
    }

    public double[] readDoubleSeq() {
        int n = readAndCheckSeqSize(8);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Double.longBitsToDouble(buf.readLongLE());
        }
        return v;
    }

    public String[] readStringSeq() {
        int n = readAndCheckSeqSize(1);
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = readString();
        }
        return v;
    }

    public Identity readIdentity() {
        String name = readString();
        String category = readString();
        return new Identity(name, category);
    }

    /** Reads a proxy; null for the null proxy {@code 00 00} (ice-protocol.md §3.9). */
    public ObjectPrx readProxy() {
        Identity identity = readIdentity();
        if (identity.name().isEmpty()) {
            if (!identity.category().isEmpty()) {
                throw new MarshalException("proxy identity with category '" + identity.category()
                        + "' and no name (expected: a name)");
            }
            return null;
        }
        if (proxies == null) {
            throw new MarshalException("cannot read proxy " + identity + ": no communicator");
        }
        return proxies.read(identity, this);
    }

    // Encapsulations (ice-protocol.md §3.7).

    /** Enters an encapsulation; its size must fit in what remains. Returns its encoding. */
    public EncodingVersion startEncapsulation() {
        int start = buf.readerIndex();
        int size = readInt();
        if (size < 6) {
            throw new EncapsulationException("encapsulation size: " + size + " (expected: >= 6)");
        }
        if (size - 4 > remaining()) {
            throw new UnmarshalOutOfBoundsException(
                    "encapsulation of " + size + " bytes, " + (remaining() + 4) + " left");
        }
        EncodingVersion encoding = EncodingVersion.of(buf.readUnsignedByte(), buf.readUnsignedByte());
        if (!encoding.isSupported()) {
            throw new UnsupportedEncodingException(
                    "encapsulation encoding: " + encoding + " (expected: 1.0 or 1.1)");
        }
        if (current != null) {
            encapsulations.push(current);
        }
        current = new Encapsulation(start + size, encoding);
        return encoding;
    }

    /**
     * Leaves the current encapsulation. In 1.1 what is left is read as optional values the
     * reader does not know and skipped; then the end must be reached exactly.
     */
    public void endEncapsulation() {
        if (current == null) {
            throw new IllegalStateException("no encapsulation was started");
        }
        if (current.encoding.minor() >= 1) {
            optionals.skipAll(OptionalValues.Terminator.END_OF_DATA);
        }
        int left = remaining();
        if (left != 0) {
            throw new EncapsulationException(left + " bytes left at the end of an encapsulation"
                    + " (expected: 0)");
        }
        current = encapsulations.poll();
    }

    /** Skips a whole encapsulation without reading it; returns its encoding. */
    public EncodingVersion skipEncapsulation() {
        int size = readInt();
        if (size < 6 || size - 4 > remaining()) {
            throw new UnmarshalOutOfBoundsException("encapsulation size: " + size + ", "
                    + (remaining() + 4) + " bytes left");
        }
        EncodingVersion encoding = EncodingVersion.of(buf.readUnsignedByte(), buf.readUnsignedByte());
        buf.skipBytes(size - 6);
        return encoding;
    }

    /** Reads an encapsulation that must hold no values (optionals aside). */
    public EncodingVersion skipEmptyEncapsulation() {
        EncodingVersion encoding = startEncapsulation();
        endEncapsulation();
        return encoding;
    }

    /** The encoding of the current encapsulation (1.1 outside any). */
    public EncodingVersion encoding() {
        return current == null ? EncodingVersion.V1_1 : current.encoding;
    }

    // Classes (ice-protocol.md §3.13, §3.14).

    /**
     * Reads a class reference. {@code setter} gets the instance or null, possibly later than
     * this call: in the sliced format, a reference inside a slice is resolved when the slice
     * ends. An instance that is not a {@code type} is an {@link UnexpectedObjectException}.
     */
    public <T extends Value> void readValue(Consumer<? super T> setter, Class<T> type) {
        values().readReference(v -> {
            if (v != null && !type.isInstance(v)) {
                throw new UnexpectedObjectException("class instance of type " + v.ice_id()
                        + " (expected: " + type.getName() + ")", v.ice_id(), type.getName());
            }
            setter.accept(type.cast(v));
        });
    }

    /** Starts reading the members of the next slice of a class instance or exception. */
    public void startSlice() {
        values().startSlice();
    }

    /** Ends the slice: skips the optional members nobody read, reads its indirection table. */
    public void endSlice() {
        values().endSlice();
    }

    // Exceptions (ice-protocol.md §3.12).

    /**
     * Reads a user exception and throws it. Slices whose type the factory does not accept are
     * skipped when they carry a size (sliced format); otherwise, or when no slice is accepted,
     * the result is an {@link UnknownUserException} naming the most derived type id. The slices
     * skipped on the way to a known base stay on the exception
     * ({@link UserException#ice_getSlicedData}), so that writing it again in the sliced format
     * passes the derived exception on whole.
     */
    public void throwException(UserExceptionFactory factory) throws UserException {
        if (current == null) {
            throw new IllegalStateException("exceptions are read inside an encapsulation");
        }
        values().throwException(factory);
    }

    // Optional values (ice-protocol.md §3.15).

    /**
     * True when the optional value with {@code tag} is next, after skipping those with smaller
     * tags; false when it is absent (a larger tag, the end of the optionals, or encoding 1.0).
     */
    public boolean readOptional(int tag, OptionalFormat format) {
        if (encoding().minor() < 1) {
            return false;
        }
        ValueReader values = values();
        if (!values.inSlice()) {
            return optionals.find(tag, format, OptionalValues.Terminator.END_OF_DATA);
        }
        return values.sliceHasOptionals() && optionals.find(tag, format, OptionalValues.Terminator.END_MARKER);
    }

    /** {@code n} raw bytes, which must remain. */
    public byte[] readBlob(int n) {
        need(n);
        byte[] bytes = new byte[n];
        buf.readBytes(bytes);
        return bytes;
    }

    /** Skips {@code n} bytes of the current encapsulation. */
    public void skip(int n) {
        need(n);
        buf.skipBytes(n);
    }

    /** Skips an FSize value: an int32 byte count, then that many bytes. */
    public void skipSize() {
        skip(readInt()); // a negative count is out of bounds too
    }

    void skipOptionalsToEndMarker() {
        optionals.skipAll(OptionalValues.Terminator.END_MARKER);
    }

    // For ValueReader.

    int position() {
        return buf.readerIndex();
    }

    /** The bytes from here up to {@code end}, which a slice size placed within the data. */
    byte[] readBytesUpTo(int end) {
        int n = end - buf.readerIndex();
        need(n);
        byte[] bytes = new byte[n];
        buf.readBytes(bytes);
        return bytes;
    }

    ValueReader values() {
        if (valueFactory == null) {
            valueFactory = new ClassNameValueFactory();
        }
        if (current != null) {
            if (current.values == null) {
                current.values = new ValueReader(this, valueFactory, classGraphDepthMax);
            }
            return current.values;
        }
        if (topLevelValues == null) {
            topLevelValues = new ValueReader(this, valueFactory, classGraphDepthMax);
        }
        return topLevelValues;
    }

    private static final class Encapsulation {
        final int end;
        final EncodingVersion encoding;
        ValueReader values; // made at the first instance, slice or optional

        Encapsulation(int end, EncodingVersion encoding) {
            this.end = end;
            this.encoding = encoding;
        }
    }
}
