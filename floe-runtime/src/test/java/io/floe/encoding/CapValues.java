package io.floe.encoding;

import io.floe.Value;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Hand-written equivalents of what floe-slice generates (docs/mapping.md, issue 5) for the
 * classes of the capture module of ice-protocol.md §9:
 *
 * <pre>
 * module Cap {
 *     class Node { int value; Node next; }
 *     class LabeledNode extends Node { string label; }
 *     class CNode(7) { int c; }
 *     class OptNode { int r; optional(2) int o; optional(40) string s; }
 *     class Pair { Node first; Node second; }   // not captured: shared references in a slice
 *     class RefNode extends Node { Node extra; optional(1) string note; }   // not captured
 * }
 * </pre>
 */
final class CapValues {
    private CapValues() {
    }

    static class Node extends Value {
        public static final String TYPE_ID = "::Cap::Node";
        public int value;
        public Node next;

        Node() {
        }

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }

        @Override
        public String ice_id() {
            return TYPE_ID;
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastValueSlice(TYPE_ID, -1);
            out.writeInt(value);
            out.writeValue(next);
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            value = in.readInt();
            in.readValue(v -> next = v, Node.class);
            in.endSlice();
        }
    }

    static class LabeledNode extends Node {
        public static final String TYPE_ID = "::Cap::LabeledNode";
        public String label = "";

        LabeledNode() {
        }

        LabeledNode(int value, Node next, String label) {
            super(value, next);
            this.label = label;
        }

        @Override
        public String ice_id() {
            return TYPE_ID;
        }

        @Override
        public void _write(OutputStream out) {
            out.startValueSlice(TYPE_ID, -1);
            out.writeString(label);
            out.endSlice();
            super._write(out);
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            label = in.readString();
            in.endSlice();
            super._read(in);
        }
    }

    static class CNode extends Value {
        public static final String TYPE_ID = "::Cap::CNode";
        public int c;

        CNode() {
        }

        CNode(int c) {
            this.c = c;
        }

        @Override
        public String ice_id() {
            return TYPE_ID;
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastValueSlice(TYPE_ID, 7);
            out.writeInt(c);
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            c = in.readInt();
            in.endSlice();
        }
    }

    static class OptNode extends Value {
        public static final String TYPE_ID = "::Cap::OptNode";
        public int r;
        private int o;
        private boolean hasO;
        private String s;
        private boolean hasS;

        @Override
        public String ice_id() {
            return TYPE_ID;
        }

        boolean hasO() {
            return hasO;
        }

        int getO() {
            if (!hasO) {
                throw new NoSuchElementException("o is not set");
            }
            return o;
        }

        void setO(int o) {
            this.o = o;
            hasO = true;
        }

        OptionalInt optionalO() {
            return hasO ? OptionalInt.of(o) : OptionalInt.empty();
        }

        boolean hasS() {
            return hasS;
        }

        void setS(String s) {
            this.s = s;
            hasS = true;
        }

        Optional<String> optionalS() {
            return hasS ? Optional.of(s) : Optional.empty();
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastValueSlice(TYPE_ID, -1);
            out.writeInt(r);
            if (hasO && out.writeOptional(2, OptionalFormat.F4)) {
                out.writeInt(o);
            }
            if (hasS && out.writeOptional(40, OptionalFormat.VSIZE)) {
                out.writeString(s);
            }
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            r = in.readInt();
            hasO = in.readOptional(2, OptionalFormat.F4);
            if (hasO) {
                o = in.readInt();
            }
            hasS = in.readOptional(40, OptionalFormat.VSIZE);
            if (hasS) {
                s = in.readString();
            }
            in.endSlice();
        }
    }

    static class Pair extends Value {
        public static final String TYPE_ID = "::Cap::Pair";
        public Node first;
        public Node second;

        @Override
        public String ice_id() {
            return TYPE_ID;
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastValueSlice(TYPE_ID, -1);
            out.writeValue(first);
            out.writeValue(second);
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            in.readValue(v -> first = v, Node.class);
            in.readValue(v -> second = v, Node.class);
            in.endSlice();
        }
    }

    static class RefNode extends Node {
        public static final String TYPE_ID = "::Cap::RefNode";
        public Node extra;
        private String note;
        private boolean hasNote;

        @Override
        public String ice_id() {
            return TYPE_ID;
        }

        void setNote(String note) {
            this.note = note;
            hasNote = true;
        }

        Optional<String> optionalNote() {
            return hasNote ? Optional.of(note) : Optional.empty();
        }

        @Override
        public void _write(OutputStream out) {
            out.startValueSlice(TYPE_ID, -1);
            out.writeValue(extra);
            if (hasNote && out.writeOptional(1, OptionalFormat.VSIZE)) {
                out.writeString(note);
            }
            out.endSlice();
            super._write(out);
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            in.readValue(v -> extra = v, Node.class);
            hasNote = in.readOptional(1, OptionalFormat.VSIZE);
            if (hasNote) {
                note = in.readString();
            }
            in.endSlice();
            super._read(in);
        }
    }

    /** A communicator's factory that knows the given type ids (and CNode's compact id 7). */
    static ValueFactory knowing(String... typeIds) {
        Set<String> known = Set.of(typeIds);
        return new ValueFactory() {
            @Override
            public Value create(String typeId) {
                if (!known.contains(typeId)) {
                    return null;
                }
                return switch (typeId) {
                    case Node.TYPE_ID -> new Node();
                    case LabeledNode.TYPE_ID -> new LabeledNode();
                    case CNode.TYPE_ID -> new CNode();
                    case OptNode.TYPE_ID -> new OptNode();
                    case Pair.TYPE_ID -> new Pair();
                    case RefNode.TYPE_ID -> new RefNode();
                    default -> throw new AssertionError(typeId);
                };
            }

            @Override
            public String resolveCompactId(int compactId) {
                return compactId == 7 ? CNode.TYPE_ID : null;
            }
        };
    }

    static ValueFactory knowingAll() {
        return knowing(Node.TYPE_ID, LabeledNode.TYPE_ID, CNode.TYPE_ID, OptNode.TYPE_ID, Pair.TYPE_ID,
                RefNode.TYPE_ID);
    }
}
