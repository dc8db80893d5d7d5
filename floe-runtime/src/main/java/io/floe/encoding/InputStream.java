package io.floe.encoding;

import io.floe.EncapsulationException;
import io.floe.EncodingVersion;
import io.floe.Identity;
import io.floe.MarshalException;
import io.floe.ObjectPrx;
import io.floe.UnknownUserException;
import io.floe.UnmarshalOutOfBoundsException;
import io.floe.UnsupportedEncodingException;
import io.floe.UserException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads encoding 1.1 (ice-protocol.md §3) from a Netty buffer. Nothing read from the wire is
 * trusted: every size is checked against the bytes that remain before anything is allocated,
 * and running past the end of the data or of an encapsulation is an
 * {@link UnmarshalOutOfBoundsException}.
 *
 * <p>Not thread-safe. The stream does not own its buffer.
 */
public final class InputStream {
    private static final int FLAG_TYPE_ID_MASK = 0x03;
    private static final int FLAG_HAS_OPTIONAL_MEMBERS = 0x04;
    private static final int FLAG_HAS_INDIRECTION_TABLE = 0x08;
    private static final int FLAG_HAS_SLICE_SIZE = 0x10;
    private static final int FLAG_IS_LAST_SLICE = 0x20;
    private static final int OPTIONAL_END_MARKER = 0xff;

    private final ByteBuf buf;
    private final ProxyDecoder proxies;
    private final Deque<Encapsulation> encapsulations = new ArrayDeque<>(2);
    private Encapsulation current;

    // The exception slice being read.
    private int sliceFlags;
    private int sliceEnd = -1;
    private boolean sliceHeaderPending;

    public InputStream(ByteBuf buf) {
        this(buf, null);
    }

    /** {@code proxies} reads proxies; without it, reading a non-null proxy fails. */
    public InputStream(ByteBuf buf, ProxyDecoder proxies) {
        this.buf = buf;
        this.proxies = proxies;
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
            skipOptionals(Terminator.END_OF_DATA);
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

    // Exceptions (ice-protocol.md §3.12).

    /**
     * Reads a user exception and throws it. Slices whose type the factory does not accept are
     * skipped when they carry a size (sliced format); otherwise, or when no slice is accepted,
     * the result is an {@link UnknownUserException} naming the most derived type id.
     */
    public void throwException(UserExceptionFactory factory) throws UserException {
        readSliceHeader();
        String mostDerived = current == null ? null : current.sliceTypeId;
        while (true) {
            String typeId = current.sliceTypeId;
            UserException ex = factory.create(typeId);
            if (ex != null) {
                sliceHeaderPending = true;
                ex._read(this);
                throw ex;
            }
            if ((sliceFlags & FLAG_HAS_SLICE_SIZE) == 0 || (sliceFlags & FLAG_IS_LAST_SLICE) != 0) {
                throw new UnknownUserException(mostDerived);
            }
            skipSlice();
            if (remaining() == 0) {
                // The C++11 mapping of Ice 3.7.8 sets no last-slice flag (ice-protocol.md §3.12):
                // the end of the encapsulation is the end of the exception.
                throw new UnknownUserException(mostDerived);
            }
            readSliceHeader();
        }
    }

    /** Starts reading the members of the next slice of an exception. */
    public void startSlice() {
        if (sliceHeaderPending) {
            sliceHeaderPending = false;
            return;
        }
        readSliceHeader();
    }

    /** Ends the slice: skips the optional members and indirection table it may carry. */
    public void endSlice() {
        if ((sliceFlags & FLAG_HAS_OPTIONAL_MEMBERS) != 0) {
            skipOptionals(Terminator.END_MARKER);
        }
        if ((sliceFlags & FLAG_HAS_INDIRECTION_TABLE) != 0) {
            throw new MarshalException("class references in exception slices are not supported yet");
        }
        if (sliceEnd >= 0 && buf.readerIndex() != sliceEnd) {
            throw new MarshalException("slice " + current.sliceTypeId + " ends at " + buf.readerIndex()
                    + " (expected: " + sliceEnd + ")");
        }
        sliceEnd = -1;
    }

    private void readSliceHeader() {
        if (current == null) {
            throw new IllegalStateException("exceptions are read inside an encapsulation");
        }
        sliceFlags = readByte() & 0xff;
        if ((sliceFlags & FLAG_TYPE_ID_MASK) != 0) {
            throw new MarshalException("exception slice flags: 0x" + Integer.toHexString(sliceFlags)
                    + " (expected: a type id string, no type-id bits)");
        }
        current.sliceTypeId = readString();
        if ((sliceFlags & FLAG_HAS_SLICE_SIZE) != 0) {
            int size = readInt();
            if (size < 4 || size - 4 > remaining()) {
                throw new UnmarshalOutOfBoundsException("slice size: " + size + ", "
                        + (remaining() + 4) + " bytes left");
            }
            sliceEnd = buf.readerIndex() + size - 4;
        } else {
            sliceEnd = -1;
        }
    }

    private void skipSlice() {
        buf.readerIndex(sliceEnd);
        sliceEnd = -1;
        if ((sliceFlags & FLAG_HAS_INDIRECTION_TABLE) != 0) {
            throw new MarshalException("class references in exception slices are not supported yet");
        }
    }

    // Optional values (ice-protocol.md §3.15).

    private enum Terminator { END_OF_DATA, END_MARKER }

    private void skipOptionals(Terminator terminator) {
        while (true) {
            if (terminator == Terminator.END_OF_DATA && remaining() <= 0) {
                return;
            }
            int marker = readByte() & 0xff;
            if (marker == OPTIONAL_END_MARKER) {
                if (terminator == Terminator.END_MARKER) {
                    return;
                }
                // Parameters end with the encapsulation, not with ff: what follows is junk.
                throw new EncapsulationException("optional end marker ff at "
                        + (buf.readerIndex() - 1) + " before the end of an encapsulation");
            }
            int format = marker & 0x07;
            if ((marker >> 3) == 30) {
                readSize(); // the tag, in the extended form
            }
            skipOptionalValue(format);
        }
    }

    private void skipOptionalValue(int format) {
        switch (format) {
            case 0 -> skip(1);
            case 1 -> skip(2);
            case 2 -> skip(4);
            case 3 -> skip(8);
            case 4 -> readSize();
            case 5 -> skip(readSize());
            case 6 -> skip(readInt());
            default -> throw new MarshalException(
                    "optional class values cannot be skipped yet (format " + format + ")");
        }
    }

    public void skip(int n) { // TEMP (i5slice): public, as the issue 5 contract says
        need(n);
        buf.skipBytes(n);
    }

    private static final class Encapsulation {
        final int end;
        final EncodingVersion encoding;
        String sliceTypeId;

        Encapsulation(int end, EncodingVersion encoding) {
            this.end = end;
            this.encoding = encoding;
        }
    }

    // TEMP (i5slice): signatures of the issue 5 contract so that generated code compiles in the
    // generator's tests; the runtime branch i5enc implements them. Drop when merging i5enc.

    public <T extends io.floe.Value> void readValue(java.util.function.Consumer<? super T> setter,
                                                    Class<T> type) {
        throw new UnsupportedOperationException("needs i5enc");
    }

    public boolean readOptional(int tag, OptionalFormat format) {
        throw new UnsupportedOperationException("needs i5enc");
    }

    public void skipSize() {
        throw new UnsupportedOperationException("needs i5enc");
    }
}
