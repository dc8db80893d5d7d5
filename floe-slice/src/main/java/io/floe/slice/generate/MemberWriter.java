package io.floe.slice.generate;

import io.floe.slice.check.Builtin;
import io.floe.slice.parse.Definition;
import java.util.Comparator;
import java.util.List;

/**
 * The data members of a class or exception (and the accessors of a struct's): public fields for
 * required members; for optional ones a private field and a presence flag behind
 * {@code hasX/getX/setX/clearX/optionalX}; {@code ["java:getset"]} accessors; and the members of
 * one slice on the wire: required ones in declaration order, then the optional ones by tag
 * (mapping.md).
 */
final class MemberWriter {
    private final TypeMapper types;
    private final Marshal marshal;
    private final OptionalCodec optionals;

    MemberWriter(JavaGenerator context) {
        this.types = context.types();
        this.marshal = context.marshal();
        this.optionals = new OptionalCodec(marshal);
    }

    /** The field declarations and accessors of {@code own}. */
    void fields(JavaWriter w, Definition owner, List<Field> own) {
        for (Field field : own) {
            String type = types.javaType(field.type(), w);
            if (field.member().isOptional()) {
                w.line("private " + type + " " + field.name() + ";");
                w.line("private boolean " + flag(field) + ";");
            } else {
                w.line("public " + type + " " + field.name() + ";");
            }
        }
        for (Field field : own) {
            if (field.member().isOptional()) {
                w.blank();
                optionalAccessors(w, field);
            } else if (hasGetSet(owner, field)) {
                w.blank();
                getSet(w, field);
            }
        }
        if (!own.isEmpty()) {
            w.blank();
        }
    }

    /** The statements of a no-arg constructor: Ice's initial values and Slice defaults. */
    void initialValues(JavaWriter w, List<Field> own) {
        for (Field field : own) {
            String initial = field.initialValue(types, w);
            if (initial != null) {
                w.line("this." + field.name() + " = " + initial + ";");
            }
            if (field.member().isOptional() && field.member().defaultValue() != null) {
                w.line("this." + flag(field) + " = true;");
            }
        }
    }

    /** Assigns the constructor parameter of the same name: optional members become set. */
    void assign(JavaWriter w, Field field) {
        if (field.member().isOptional()) {
            w.line("set" + accessorSuffix(field) + "(" + field.name() + ");");
        } else {
            w.line("this." + field.name() + " = " + field.name() + ";");
        }
    }

    /** Writes the members of one slice. */
    void write(JavaWriter w, List<Field> own) {
        for (Field field : own) {
            if (!field.member().isOptional()) {
                w.line(marshal.write(field.type(), "this." + field.name(), w));
            }
        }
        for (Field field : byTag(own)) {
            w.open("if (this." + flag(field) + " && out.writeOptional(" + field.member().tag() + ", "
                    + optionals.formatConstant(field.type(), w) + "))");
            optionals.write(field.type(), "this." + field.name(), w).forEach(w::line);
            w.close();
        }
    }

    /** Reads the members of one slice. */
    void read(JavaWriter w, List<Field> own) {
        for (Field field : own) {
            if (!field.member().isOptional()) {
                w.line(marshal.readInto(field.type(), "this." + field.name(), w));
            }
        }
        for (Field field : byTag(own)) {
            w.line("this." + flag(field) + " = in.readOptional(" + field.member().tag() + ", "
                    + optionals.formatConstant(field.type(), w) + ");");
            w.open("if (this." + flag(field) + ")");
            optionals.read(field.type(), "this." + field.name(), w).forEach(w::line);
            w.close();
        }
    }

    private void optionalAccessors(JavaWriter w, Field field) {
        String type = types.javaType(field.type(), w);
        String suffix = accessorSuffix(field);
        String name = field.name();
        String flag = flag(field);
        w.open("public boolean has" + suffix + "()");
        w.line("return " + flag + ";");
        w.close();
        w.blank();
        w.line("/** The value; NoSuchElementException when it is not set. */");
        w.open("public " + type + " get" + suffix + "()");
        w.open("if (!" + flag + ")");
        w.line("throw new " + w.use("java.util.NoSuchElementException") + "(\"" + name + " is not set\");");
        w.close();
        w.line("return " + name + ";");
        w.close();
        w.blank();
        w.open("public void set" + suffix + "(" + type + " " + name + ")");
        w.line("this." + flag + " = true;");
        w.line("this." + name + " = " + name + ";");
        w.close();
        w.blank();
        w.open("public void clear" + suffix + "()");
        w.line("this." + flag + " = false;");
        w.close();
        w.blank();
        String optionalType = types.optionalType(field.type(), w);
        String factory = optionalType.contains("<") ? optionalType.substring(0, optionalType.indexOf('<'))
                : optionalType;
        String of = field.type() instanceof Builtin b && b.isPrimitive() ? "of" : "ofNullable";
        w.open("public " + optionalType + " optional" + suffix + "()");
        w.line("return " + flag + " ? " + factory + "." + of + "(" + name + ") : " + factory + ".empty();");
        w.close();
    }

    private void getSet(JavaWriter w, Field field) {
        String type = types.javaType(field.type(), w);
        String suffix = accessorSuffix(field);
        w.open("public " + type + " get" + suffix + "()");
        w.line("return " + field.name() + ";");
        w.close();
        w.blank();
        w.open("public void set" + suffix + "(" + type + " " + field.name() + ")");
        w.line("this." + field.name() + " = " + field.name() + ";");
        w.close();
        if (field.type() == Builtin.BOOL) {
            w.blank();
            w.open("public boolean is" + suffix + "()");
            w.line("return " + field.name() + ";");
            w.close();
        }
    }

    /** {@code ["java:getset"]} on the member or on its struct, class or exception. */
    static boolean hasGetSet(Definition owner, Field field) {
        return owner.hasMetadata("java:getset")
                || field.member().metadata().stream().anyMatch(m -> m.text().equals("java:getset"));
    }

    static String accessorSuffix(Field field) {
        return Names.capitalize(field.member().name());
    }

    private static String flag(Field field) {
        return "_" + field.member().name();
    }

    private static List<Field> byTag(List<Field> fields) {
        return fields.stream().filter(f -> f.member().isOptional())
                .sorted(Comparator.comparingInt(f -> f.member().tag())).toList();
    }
}
