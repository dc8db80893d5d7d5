package io.floe.slice.generate;

import io.floe.slice.check.Builtin;
import io.floe.slice.generate.OperationView.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters and results on the wire: a required value as its type says, an optional one (a
 * {@code java.util.Optional*}) behind its tag when present, and class references read into a
 * {@code ValueHolder} whose value is used once the parameters are read (mapping.md).
 */
final class ParamCodec {
    private final TypeMapper types;
    private final Marshal marshal;
    private final OptionalCodec optionals;

    ParamCodec(JavaGenerator context) {
        this.types = context.types();
        this.marshal = context.marshal();
        this.optionals = new OptionalCodec(marshal);
    }

    /** True when the value is written by one statement and read by one expression. */
    boolean isSimple(Value value) {
        return !value.optional() && !TypeMapper.isClass(value.type());
    }

    /** The statements writing {@code expression} (an Optional when the value is optional). */
    List<String> write(Value value, String expression, JavaWriter w) {
        if (!value.optional()) {
            return List.of(marshal.write(value.type(), expression, w));
        }
        List<String> lines = new ArrayList<>();
        lines.add("if (" + expression + " != null && " + expression + ".isPresent() && out.writeOptional("
                + value.tag() + ", " + optionals.formatConstant(value.type(), w) + ")) {");
        String present = expression + "." + TypeMapper.optionalGetter(value.type()) + "()";
        optionals.write(value.type(), present, w).forEach(l -> lines.add("    " + l));
        lines.add("}");
        return lines;
    }

    /** The statements declaring the local {@code value.name()} and reading the value into it. */
    List<String> declareAndRead(Value value, JavaWriter w) {
        String name = value.name();
        List<String> lines = new ArrayList<>();
        if (TypeMapper.isClass(value.type())) {
            String holder = w.use("io.floe.encoding.ValueHolder") + "<" + types.javaType(value.type(), w) + ">";
            lines.add(holder + " " + name + " = new " + w.use("io.floe.encoding.ValueHolder") + "<>();");
            String read = "in.readValue(" + name + ", " + types.classLiteral(value.type(), w) + ");";
            if (value.optional()) {
                lines.add("if (in.readOptional(" + value.tag() + ", " + optionals.formatConstant(value.type(), w)
                        + ")) {");
                lines.add("    " + read);
                lines.add("}");
            } else {
                lines.add(read);
            }
            return lines;
        }
        if (!value.optional()) {
            return List.of(types.javaType(value.type(), w) + " " + name + " = " + marshal.read(value.type(), w)
                    + ";");
        }
        String optionalType = types.optionalType(value.type(), w);
        String factory = raw(optionalType);
        lines.add(optionalType + " " + name + " = " + factory + ".empty();");
        lines.add("if (in.readOptional(" + value.tag() + ", " + optionals.formatConstant(value.type(), w) + ")) {");
        String prefix = optionals.skipPrefix(value.type());
        if (prefix != null) {
            lines.add("    " + prefix);
        }
        String of = value.type() instanceof Builtin b && b.isPrimitive() ? "of" : "ofNullable";
        lines.add("    " + name + " = " + factory + "." + of + "(" + marshal.read(value.type(), w) + ");");
        lines.add("}");
        return lines;
    }

    /** The value once read by {@link #declareAndRead}: a holder's value for classes. */
    String valueAfterRead(Value value, JavaWriter w) {
        if (!TypeMapper.isClass(value.type())) {
            return value.name();
        }
        return value.optional() ? w.use("java.util.Optional") + ".ofNullable(" + value.name() + ".value)"
                : value.name() + ".value";
    }

    /** The statements writing every value, in the order given, from locals of their names. */
    List<String> writeAll(List<Value> values, JavaWriter w) {
        List<String> lines = new ArrayList<>();
        values.forEach(v -> lines.addAll(write(v, v.name(), w)));
        return lines;
    }

    private static String raw(String type) {
        int generic = type.indexOf('<');
        return generic < 0 ? type : type.substring(0, generic);
    }
}
