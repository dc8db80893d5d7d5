package io.floe.encoding;

import io.floe.MarshalException;
import io.floe.NoValueFactoryException;
import io.floe.UnknownSlicedValue;
import io.floe.UnknownUserException;
import io.floe.UnmarshalOutOfBoundsException;
import io.floe.UserException;
import io.floe.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the class instances and the slices (of classes and exceptions) of one encapsulation
 * (ice-protocol.md §3.11-§3.14), the mirror of {@link ValueWriter}. Nothing is trusted: ids and
 * indexes are checked against what was read, every new instance costs bytes, and graphs deeper
 * than the depth limit are refused before the Java stack is at risk.
 *
 * <p>An instance id is reserved when its {@code 01} marker is read, before its type is known,
 * because the indirection tables of skipped slices (read first) may already refer to it.
 * References to reserved ids are patched once the instance exists.
 */
final class ValueReader {
    private static final int FLAG_TYPE_ID_MASK = 0x03;
    private static final int TYPE_ID_STRING = 0x01;
    private static final int TYPE_ID_INDEX = 0x02;
    private static final int TYPE_ID_COMPACT = 0x03;
    private static final int FLAG_HAS_OPTIONAL_MEMBERS = 0x04;
    private static final int FLAG_HAS_INDIRECTION_TABLE = 0x08;
    private static final int FLAG_HAS_SLICE_SIZE = 0x10;
    private static final int FLAG_IS_LAST_SLICE = 0x20;

    private final InputStream in;
    private final ValueFactory factory;
    private final int depthMax;
    private final List<Value> instances = new ArrayList<>(); // id - 2; null while being read
    private final List<String> typeIds = new ArrayList<>();  // index - 1
    private Map<Integer, List<Consumer<Value>>> patches;     // setters waiting for a reserved id
    private Frame frame;
    private int depth;

    ValueReader(InputStream in, ValueFactory factory, int depthMax) {
        this.in = in;
        this.factory = factory;
        this.depthMax = depthMax;
    }

    void readReference(Consumer<Value> setter) {
        int index = in.readSize();
        if (index == 0) {
            setter.accept(null);
        } else if (frame != null && frame.sliceOpen && (frame.flags & FLAG_HAS_INDIRECTION_TABLE) != 0) {
            // An entry of the table after this slice: resolved by endSlice (§3.14).
            frame.defer(index, setter);
        } else {
            readInstance(index, setter);
        }
    }

    /** True inside a slice that declares optional members; false at the top level. */
    boolean inSlice() {
        return frame != null && frame.sliceOpen;
    }

    boolean sliceHasOptionals() {
        return (frame.flags & FLAG_HAS_OPTIONAL_MEMBERS) != 0;
    }

    // Reads a top-level reference (index >= 1) and returns the instance's id.
    private int readInstance(int index, Consumer<Value> setter) {
        if (index > 1) {
            if (index - 2 >= instances.size()) {
                throw new MarshalException("class instance id: " + index + " (expected: 1 to "
                        + (instances.size() + 1) + ")");
            }
            if (setter != null) {
                patch(index, setter);
            }
            return index;
        }
        if (depth >= depthMax) {
            throw new MarshalException("class graph depth: > " + depthMax + " (Ice.ClassGraphDepthMax)");
        }
        depth++;
        instances.add(null);
        int id = instances.size() + 1;
        Frame f = new Frame(frame, false);
        frame = f;
        Value v;
        try {
            v = instantiate(f);
            instances.set(id - 2, v);
            List<Consumer<Value>> waiting = patches == null ? null : patches.remove(id);
            if (waiting != null) {
                waiting.forEach(w -> w.accept(v));
            }
            if (!(v instanceof UnknownSlicedValue)) {
                f.headerPending = true;
                v._read(in);
            }
            v._setSlicedData(f.skipped == null ? null : new SlicedData(f.skipped));
        } finally {
            frame = f.outer;
            depth--;
        }
        if (setter != null) {
            setter.accept(v);
        }
        return id;
    }

    // Reads slice headers until a known type: the most derived one wins (§3.14).
    private Value instantiate(Frame f) {
        readHeader(f);
        if (f.typeId == null && f.compactId < 0) {
            throw new MarshalException("first slice of a class instance without a type id (flags 0x"
                    + Integer.toHexString(f.flags) + ")");
        }
        String mostDerived = typeIdOf(f);
        while (true) {
            Value v = create(f);
            if (v != null) {
                return v;
            }
            if ((f.flags & FLAG_HAS_SLICE_SIZE) == 0) {
                String type = f.compactId >= 0 ? "compact id " + f.compactId : f.typeId;
                throw new NoValueFactoryException("no value factory for " + type
                        + ", and the compact format prevents slicing (the sender should use the sliced format)",
                        f.compactId >= 0 && f.typeId == null ? Integer.toString(f.compactId) : f.typeId);
            }
            f.preserve(skipSlice(f));
            if ((f.flags & FLAG_IS_LAST_SLICE) != 0) {
                return new UnknownSlicedValue(mostDerived);
            }
            readHeader(f);
            if (f.typeId == null && f.compactId < 0) {
                throw new MarshalException("sliced-format class slice without a type id");
            }
        }
    }

    private Value create(Frame f) {
        String typeId = f.typeId;
        if (f.compactId >= 0) {
            typeId = factory.resolveCompactId(f.compactId);
        }
        return typeId == null ? null : factory.create(typeId);
    }

    private String typeIdOf(Frame f) {
        if (f.typeId != null) {
            return f.typeId;
        }
        String resolved = factory.resolveCompactId(f.compactId);
        return resolved == null ? "" : resolved;
    }

    /**
     * Reads a user exception and throws it, slicing unknown types off (§3.12). The slices cut
     * off, their indirection tables' instances included, stay on the exception (§3.14).
     */
    void throwException(UserExceptionFactory exceptions) throws UserException {
        Frame f = new Frame(frame, true);
        frame = f;
        try {
            readHeader(f);
            String mostDerived = f.typeId;
            while (true) {
                UserException ex = exceptions.create(f.typeId);
                if (ex != null) {
                    f.headerPending = true;
                    ex._read(in);
                    ex._setSlicedData(f.skipped == null ? null : new SlicedData(f.skipped));
                    throw ex;
                }
                if ((f.flags & FLAG_HAS_SLICE_SIZE) == 0 || (f.flags & FLAG_IS_LAST_SLICE) != 0) {
                    throw new UnknownUserException(mostDerived);
                }
                f.preserve(skipSlice(f));
                if (in.remaining() == 0) {
                    // The C++11 mapping of Ice 3.7.8 sets no last-slice flag (§3.12): the end of
                    // the encapsulation is the end of the exception.
                    throw new UnknownUserException(mostDerived);
                }
                readHeader(f);
            }
        } finally {
            frame = f.outer;
        }
    }

    void startSlice() {
        Frame f = frame;
        if (f == null) {
            // An exception's _read called directly, not through throwException.
            f = new Frame(null, true);
            f.implicit = true;
            frame = f;
        }
        if (f.sliceOpen) {
            throw new IllegalStateException("slice started inside another slice");
        }
        if (f.headerPending) {
            f.headerPending = false;
        } else {
            readHeader(f);
        }
        f.sliceOpen = true;
    }

    /** Ends the slice: skips the optionals nobody read, checks its size, reads its table. */
    void endSlice() {
        Frame f = frame;
        if (f == null || !f.sliceOpen) {
            throw new IllegalStateException("no slice was started");
        }
        if ((f.flags & FLAG_HAS_OPTIONAL_MEMBERS) != 0) {
            in.skipOptionalsToEndMarker();
        }
        if (f.sliceEnd >= 0 && in.position() != f.sliceEnd) {
            throw new MarshalException("slice " + f.typeId + " ends at " + in.position()
                    + " (expected: " + f.sliceEnd + ")");
        }
        f.sliceOpen = false;
        if ((f.flags & FLAG_HAS_INDIRECTION_TABLE) != 0) {
            int[] table = readIndirectionTable();
            if (f.deferred != null) {
                for (Deferred d : f.deferred) {
                    if (d.index > table.length) {
                        throw new MarshalException("indirection table index: " + d.index
                                + " (expected: 1 to " + table.length + ")");
                    }
                    patch(table[d.index - 1], d.setter);
                }
                f.deferred = null;
            }
        }
        if (f.implicit && (f.flags & FLAG_IS_LAST_SLICE) != 0) {
            frame = f.outer;
        }
    }

    private void readHeader(Frame f) {
        f.flags = in.readByte() & 0xff;
        f.typeId = null;
        f.compactId = -1;
        if (f.exception) {
            if ((f.flags & FLAG_TYPE_ID_MASK) != 0) {
                throw new MarshalException("exception slice flags: 0x" + Integer.toHexString(f.flags)
                        + " (expected: a type id string, no type-id bits)");
            }
            f.typeId = in.readString();
        } else {
            switch (f.flags & FLAG_TYPE_ID_MASK) {
                case TYPE_ID_STRING -> {
                    f.typeId = in.readString();
                    typeIds.add(f.typeId);
                }
                case TYPE_ID_INDEX -> {
                    int index = in.readSize();
                    if (index < 1 || index > typeIds.size()) {
                        throw new MarshalException("type id index: " + index + " (expected: 1 to "
                                + typeIds.size() + ")");
                    }
                    f.typeId = typeIds.get(index - 1);
                }
                case TYPE_ID_COMPACT -> f.compactId = in.readSize();
                default -> {
                    // A base slice in the compact format: no type id.
                }
            }
        }
        if ((f.flags & FLAG_HAS_SLICE_SIZE) != 0) {
            int size = in.readInt();
            if (size < 4 || size - 4 > in.remaining()) {
                throw new UnmarshalOutOfBoundsException("slice size: " + size + ", "
                        + (in.remaining() + 4) + " bytes left");
            }
            f.sliceEnd = in.position() + size - 4;
        } else {
            f.sliceEnd = -1;
        }
    }

    // Skips a slice nobody knows, its indirection table included, and returns what it held.
    private SliceInfo skipSlice(Frame f) {
        byte[] bytes = in.readBytesUpTo(f.sliceEnd);
        f.sliceEnd = -1;
        List<Value> referenced = List.of();
        if ((f.flags & FLAG_HAS_INDIRECTION_TABLE) != 0) {
            int[] table = readIndirectionTable();
            Value[] entries = new Value[table.length];
            for (int i = 0; i < table.length; i++) {
                int entry = i;
                patch(table[i], v -> entries[entry] = v);
            }
            referenced = Arrays.asList(entries);
        }
        return new SliceInfo(f.typeId == null ? "" : f.typeId, f.compactId, bytes, referenced,
                (f.flags & FLAG_HAS_OPTIONAL_MEMBERS) != 0, (f.flags & FLAG_IS_LAST_SLICE) != 0);
    }

    private int[] readIndirectionTable() {
        int n = in.readAndCheckSeqSize(1);
        if (n == 0) {
            throw new MarshalException("empty indirection table (expected: at least one entry)");
        }
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            int index = in.readSize();
            if (index == 0) {
                throw new MarshalException("null entry in an indirection table (expected: an instance)");
            }
            ids[i] = readInstance(index, null);
        }
        return ids;
    }

    private void patch(int id, Consumer<Value> setter) {
        Value v = instances.get(id - 2);
        if (v != null) {
            setter.accept(v);
            return;
        }
        if (patches == null) {
            patches = new HashMap<>();
        }
        patches.computeIfAbsent(id, k -> new ArrayList<>()).add(setter);
    }

    private record Deferred(int index, Consumer<Value> setter) {
    }

    private static final class Frame {
        final Frame outer;
        final boolean exception;
        boolean implicit;
        boolean headerPending; // the stream read the first header to choose the type
        boolean sliceOpen;
        int flags;
        String typeId;
        int compactId = -1;
        int sliceEnd = -1;
        List<Deferred> deferred;
        List<SliceInfo> skipped;

        Frame(Frame outer, boolean exception) {
            this.outer = outer;
            this.exception = exception;
        }

        void defer(int index, Consumer<Value> setter) {
            if (deferred == null) {
                deferred = new ArrayList<>();
            }
            deferred.add(new Deferred(index, setter));
        }

        void preserve(SliceInfo slice) {
            if (skipped == null) {
                skipped = new ArrayList<>();
            }
            skipped.add(slice);
        }
    }
}
