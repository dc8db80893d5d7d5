package io.floe.encoding;

import io.floe.MarshalException;
import io.floe.UnknownSlicedValue;
import io.floe.UserException;
import io.floe.Value;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the class instances and the slices of one encapsulation (ice-protocol.md §3.11-§3.14):
 * instance ids from 2 and type-id indexes from 1, both counted per encapsulation, and in the
 * sliced format the indirection table of each slice.
 *
 * <pre>
 * reference:  00 null | 01 instance inline | id (>= 2) back reference
 *             (inside a slice, sliced format: 0 null | k = entry k of the slice's table)
 * slice:      flags [type id] [int32 size] members [optionals ff] [table: n × reference]
 * </pre>
 */
final class ValueWriter {
    private final OutputStream out;
    private final ByteBuf buf;
    private final boolean sliced;
    private final Map<Value, Integer> instanceIds = new IdentityHashMap<>();
    private final Map<String, Integer> typeIds = new HashMap<>();
    // The innermost instance or exception being written; nested instances push their own.
    private Frame frame;

    ValueWriter(OutputStream out, FormatType format) {
        this.out = out;
        this.buf = out.buffer();
        this.sliced = format == FormatType.SLICED;
    }

    void writeReference(Value v) {
        if (v == null) {
            out.writeSize(0);
        } else if (sliced && frame != null && frame.sliceOpen) {
            out.writeSize(frame.indirect(v));
        } else {
            writeInstance(v);
        }
    }

    /** A top-level reference: inline at its first occurrence, else its id. */
    private void writeInstance(Value v) {
        Integer id = instanceIds.get(v);
        if (id != null) {
            out.writeSize(id);
            return;
        }
        if (v instanceof UnknownSlicedValue && !sliced) {
            throw new MarshalException("cannot write an instance of unknown type '" + v.ice_id()
                    + "' in the compact format (expected: the sliced format, which carries its slices)");
        }
        instanceIds.put(v, instanceIds.size() + 2);
        out.writeSize(1);
        Frame f = new Frame(frame, false);
        frame = f;
        SlicedData preserved = v.ice_getSlicedData();
        if (sliced && preserved != null) {
            for (SliceInfo slice : preserved.slices()) {
                writePreserved(f, slice);
            }
        }
        v._write(out);
        if (f.sliceOpen || f.firstSlice) {
            throw new IllegalStateException("class " + v.ice_id() + " left a slice open or wrote none");
        }
        frame = f.outer;
    }

    void startValueSlice(String typeId, int compactId, boolean last) {
        Frame f = frame;
        if (f == null || f.exception) {
            throw new IllegalStateException("value slice " + typeId + " outside writeValue");
        }
        if (f.sliceOpen) {
            throw new IllegalStateException("slice " + typeId + " started inside another slice");
        }
        openSlice(f, last);
        // The compact format names only the most derived slice: a reader that knows it knows the rest.
        if (sliced || f.firstSlice) {
            writeTypeId(f, typeId, compactId);
        }
        openSize(f);
    }

    /**
     * Writes a user exception: in the sliced format the slices a reader cut off and preserved
     * come first, as received (§3.14), then the exception's own slices, most derived first.
     */
    void writeException(UserException ex) {
        if (frame != null && frame.sliceOpen) {
            throw new IllegalStateException("exception " + ex.ice_id() + " written inside a slice");
        }
        Frame f = new Frame(frame, true);
        frame = f;
        SlicedData preserved = ex.ice_getSlicedData();
        if (sliced && preserved != null) {
            for (SliceInfo slice : preserved.slices()) {
                writePreserved(f, slice);
            }
        }
        ex._write(out);
        if (f.sliceOpen) {
            throw new IllegalStateException("exception " + ex.ice_id() + " left a slice open");
        }
        // endSlice of the last slice already left f; a slice chain without one (as C++11
        // sends it, §3.12) leaves it here.
        frame = f.outer;
    }

    void startExceptionSlice(String typeId, boolean last) {
        Frame f = frame;
        if (f == null || !f.exception) {
            f = new Frame(frame, true);
            frame = f;
        } else if (f.sliceOpen) {
            throw new IllegalStateException("slice " + typeId + " started inside another slice");
        }
        openSlice(f, last);
        out.writeString(typeId); // always a string for exceptions, and not registered
        openSize(f);
    }

    /** Inside a slice: the slice has optional members (flag 0x04, closed by {@code ff}). */
    void markOptional() {
        if (frame != null && frame.sliceOpen) {
            frame.flags |= OutputStream.FLAG_HAS_OPTIONAL_MEMBERS;
        }
    }

    void endSlice() {
        Frame f = frame;
        if (f == null || !f.sliceOpen) {
            throw new IllegalStateException("no slice was started");
        }
        if ((f.flags & OutputStream.FLAG_HAS_OPTIONAL_MEMBERS) != 0) {
            buf.writeByte(0xff);
        }
        closeSlice(f);
        if (f.exception && (f.flags & OutputStream.FLAG_IS_LAST_SLICE) != 0) {
            frame = f.outer;
        }
    }

    // A preserved slice is written back as received: its members (and ff) are opaque bytes,
    // its table is re-encoded because instance ids are this encapsulation's.
    private void writePreserved(Frame f, SliceInfo slice) {
        openSlice(f, slice.isLastSlice());
        if (f.exception) {
            out.writeString(slice.typeId()); // always a string for exceptions, and not registered
        } else {
            writeTypeId(f, slice.typeId(), slice.compactId());
        }
        openSize(f);
        buf.writeBytes(slice.bytes());
        if (slice.hasOptionalMembers()) {
            f.flags |= OutputStream.FLAG_HAS_OPTIONAL_MEMBERS;
        }
        for (Value v : slice.instances()) {
            f.indirect(v);
        }
        closeSlice(f);
    }

    private void openSlice(Frame f, boolean last) {
        f.flagsIndex = buf.writerIndex();
        f.flags = last ? OutputStream.FLAG_IS_LAST_SLICE : 0;
        buf.writeByte(0);
        f.sliceOpen = true;
    }

    private void writeTypeId(Frame f, String typeId, int compactId) {
        if (compactId >= 0) {
            f.flags |= OutputStream.FLAG_HAS_TYPE_ID_COMPACT;
            out.writeSize(compactId);
            return;
        }
        Integer index = typeIds.get(typeId);
        if (index == null) {
            typeIds.put(typeId, typeIds.size() + 1);
            f.flags |= OutputStream.FLAG_HAS_TYPE_ID_STRING;
            out.writeString(typeId);
        } else {
            f.flags |= OutputStream.FLAG_HAS_TYPE_ID_INDEX;
            out.writeSize(index);
        }
    }

    private void openSize(Frame f) {
        f.firstSlice = false;
        if (sliced) {
            f.flags |= OutputStream.FLAG_HAS_SLICE_SIZE;
            f.sizeIndex = buf.writerIndex();
            buf.writeIntLE(0);
        } else {
            f.sizeIndex = -1;
        }
    }

    private void closeSlice(Frame f) {
        if (f.sizeIndex >= 0) {
            // The size counts itself and the members, not the table (ice-protocol.md §3.11).
            buf.setIntLE(f.sizeIndex, buf.writerIndex() - f.sizeIndex);
        }
        f.sliceOpen = false;
        List<Value> table = f.table;
        if (table != null) {
            f.table = null;
            f.tableIndexes = null;
            f.flags |= OutputStream.FLAG_HAS_INDIRECTION_TABLE;
            out.writeSize(table.size());
            for (Value v : table) {
                writeInstance(v);
            }
        }
        buf.setByte(f.flagsIndex, f.flags);
    }

    private static final class Frame {
        final Frame outer;
        final boolean exception;
        boolean firstSlice = true;
        boolean sliceOpen;
        int flagsIndex;
        int flags;
        int sizeIndex = -1;
        List<Value> table;
        Map<Value, Integer> tableIndexes;

        Frame(Frame outer, boolean exception) {
            this.outer = outer;
            this.exception = exception;
        }

        /** The 1-based entry of {@code v} in this slice's indirection table. */
        int indirect(Value v) {
            if (table == null) {
                table = new ArrayList<>();
                tableIndexes = new IdentityHashMap<>();
            }
            Integer index = tableIndexes.get(v);
            if (index == null) {
                table.add(v);
                index = table.size();
                tableIndexes.put(v, index);
            }
            return index;
        }
    }
}
