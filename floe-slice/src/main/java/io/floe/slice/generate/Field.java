package io.floe.slice.generate;

import io.floe.slice.check.Builtin;
import io.floe.slice.check.CheckedUnit;
import io.floe.slice.check.Type;
import io.floe.slice.parse.DataMember;
import java.util.List;

/** A data member as a public Java field. */
record Field(String name, Type type, DataMember member) {
    static List<Field> of(List<DataMember> members, CheckedUnit checked) {
        return members.stream()
                .map(m -> new Field(Names.member(m.name()), checked.type(m.type()), m))
                .toList();
    }

    /** The value the no-arg constructor assigns, or null to keep Java's default. */
    String initialValue(TypeMapper types, JavaWriter w) {
        if (member.defaultValue() != null) {
            return types.literal(type, member.defaultValue(), w);
        }
        return types.initialValue(type, w);
    }

    /** {@code this.f} compared with {@code that.f}. */
    String equalsExpression(TypeMapper types, JavaWriter w) {
        String a = "this." + name;
        String b = "that." + name;
        if (type == Builtin.FLOAT || type == Builtin.DOUBLE) {
            String box = type == Builtin.FLOAT ? "Float" : "Double";
            return box + ".compare(" + a + ", " + b + ") == 0";
        }
        if (type instanceof Builtin builtin && builtin.isPrimitive()) {
            return a + " == " + b;
        }
        if (TypeMapper.isArray(type)) {
            String method = types.isNestedSequence(type) ? "deepEquals" : "equals";
            return w.use("java.util.Arrays") + "." + method + "(" + a + ", " + b + ")";
        }
        return w.use("java.util.Objects") + ".equals(" + a + ", " + b + ")";
    }

    String hashExpression(TypeMapper types, JavaWriter w) {
        String a = "this." + name;
        if (type instanceof Builtin builtin && builtin.isPrimitive()) {
            String box = types.boxed(type, w);
            return box + ".hashCode(" + a + ")";
        }
        if (TypeMapper.isArray(type)) {
            String method = types.isNestedSequence(type) ? "deepHashCode" : "hashCode";
            return w.use("java.util.Arrays") + "." + method + "(" + a + ")";
        }
        return w.use("java.util.Objects") + ".hashCode(" + a + ")";
    }

    String toStringExpression(TypeMapper types, JavaWriter w) {
        String a = "this." + name;
        if (TypeMapper.isArray(type)) {
            String method = types.isNestedSequence(type) ? "deepToString" : "toString";
            return w.use("java.util.Arrays") + "." + method + "(" + a + ")";
        }
        return a;
    }
}
