package io.floe.encoding;

import io.floe.MarshalException;
import io.floe.UserException;
import java.util.Set;

/**
 * Hand-written equivalents of what floe-slice generates (docs/mapping.md) for the capture module
 * of ice-protocol.md §9:
 *
 * <pre>
 * module Cap {
 *     exception Base { string msg; }
 *     exception Derived extends Base { int code; }
 *     exception WithOpt { int req; optional(5) string s; }   // read here knowing only req
 *     exception NodeError extends Derived { Node node; Node again; optional(1) string note; }   // not captured
 *     exception WorstError extends NodeError { long when; }                                   // not captured
 *     enum Size { small, medium = 2, large = 300 }
 * }
 * </pre>
 */
final class Cap {
    private Cap() {
    }

    static class Base extends UserException {
        private static final long serialVersionUID = 1L;
        public String msg = "";

        Base() {
        }

        Base(String msg) {
            this.msg = msg;
        }

        @Override
        public String ice_id() {
            return "::Cap::Base";
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastSlice("::Cap::Base");
            out.writeString(msg);
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            msg = in.readString();
            in.endSlice();
        }
    }

    static class Derived extends Base {
        private static final long serialVersionUID = 1L;
        public int code;

        Derived() {
        }

        Derived(String msg, int code) {
            super(msg);
            this.code = code;
        }

        @Override
        public String ice_id() {
            return "::Cap::Derived";
        }

        @Override
        public void _write(OutputStream out) {
            out.startSlice("::Cap::Derived");
            out.writeInt(code);
            out.endSlice();
            super._write(out);
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            code = in.readInt();
            in.endSlice();
            super._read(in);
        }
    }

    /** Class members (indirection tables in the sliced format) and an optional member. */
    static class NodeError extends Derived {
        private static final long serialVersionUID = 1L;
        public transient CapValues.Node node;
        public transient CapValues.Node again;
        public String note; // optional(1): null when unset

        NodeError() {
        }

        NodeError(String msg, int code, CapValues.Node node, CapValues.Node again, String note) {
            super(msg, code);
            this.node = node;
            this.again = again;
            this.note = note;
        }

        @Override
        public String ice_id() {
            return "::Cap::NodeError";
        }

        @Override
        public void _write(OutputStream out) {
            out.startSlice("::Cap::NodeError");
            out.writeValue(node);
            out.writeValue(again);
            if (note != null && out.writeOptional(1, OptionalFormat.VSIZE)) {
                out.writeString(note);
            }
            out.endSlice();
            super._write(out);
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            in.readValue(v -> node = v, CapValues.Node.class);
            in.readValue(v -> again = v, CapValues.Node.class);
            note = in.readOptional(1, OptionalFormat.VSIZE) ? in.readString() : null;
            in.endSlice();
            super._read(in);
        }
    }

    static class WorstError extends NodeError {
        private static final long serialVersionUID = 1L;
        public long when;

        WorstError() {
        }

        WorstError(String msg, int code, CapValues.Node node, CapValues.Node again, String note, long when) {
            super(msg, code, node, again, note);
            this.when = when;
        }

        @Override
        public String ice_id() {
            return "::Cap::WorstError";
        }

        @Override
        public void _write(OutputStream out) {
            out.startSlice("::Cap::WorstError");
            out.writeLong(when);
            out.endSlice();
            super._write(out);
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            when = in.readLong();
            in.endSlice();
            super._read(in);
        }
    }

    /** Knows only the required member of {@code WithOpt}; its optionals must be skipped. */
    static class WithOpt extends UserException {
        private static final long serialVersionUID = 1L;
        public int req;

        @Override
        public String ice_id() {
            return "::Cap::WithOpt";
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastSlice("::Cap::WithOpt");
            out.writeInt(req);
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            req = in.readInt();
            in.endSlice();
        }
    }

    /** A generated proxy's exception factory that knows the given type ids. */
    static UserExceptionFactory knowing(String... typeIds) {
        Set<String> known = Set.of(typeIds);
        return typeId -> {
            if (!known.contains(typeId)) {
                return null;
            }
            return switch (typeId) {
                case "::Cap::Base" -> new Base();
                case "::Cap::Derived" -> new Derived();
                case "::Cap::WithOpt" -> new WithOpt();
                case "::Cap::NodeError" -> new NodeError();
                case "::Cap::WorstError" -> new WorstError();
                default -> throw new AssertionError(typeId);
            };
        };
    }

    enum Size {
        SMALL(0), MEDIUM(2), LARGE(300);

        private final int value;

        Size(int value) {
            this.value = value;
        }

        int value() {
            return value;
        }

        static Size valueOf(int value) {
            for (Size s : values()) {
                if (s.value == value) {
                    return s;
                }
            }
            throw new MarshalException("enumerator value for ::Cap::Size: " + value
                    + " (expected: 0, 2 or 300)");
        }

        void ice_write(OutputStream out) {
            out.writeEnum(value);
        }

        static Size ice_read(InputStream in) {
            return valueOf(in.readEnum());
        }
    }
}
