package io.floe.slice.generate;

import io.floe.slice.check.Symbol;
import io.floe.slice.parse.StructDef;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code struct S}: a final class with public mutable fields, value equality and
 * {@code ice_write}/{@code ice_read} (mapping.md).
 */
final class StructGenerator {
    private final JavaGenerator context;
    private final TypeMapper types;

    StructGenerator(JavaGenerator context) {
        this.context = context;
        this.types = context.types();
    }

    void generate(Symbol symbol, StructDef struct) {
        JavaWriter w = context.writer(symbol);
        String name = Names.escape(struct.name());
        List<Field> fields = Field.of(struct.members(), context.checked());

        w.open("public final class " + name);
        new MemberWriter(context).fields(w, struct, fields);
        constructors(w, name, fields);
        equalsAndHashCode(w, name, fields);
        toStringMethod(w, name, fields);
        marshaling(w, name, fields);
        w.close();
        context.add(w, name);
    }

    private void constructors(JavaWriter w, String name, List<Field> fields) {
        w.open("public " + name + "()");
        for (Field field : fields) {
            String initial = field.initialValue(types, w);
            if (initial != null) {
                w.line("this." + field.name() + " = " + initial + ";");
            }
        }
        w.close();
        w.blank();
        String parameters = fields.stream().map(f -> types.javaType(f.type(), w) + " " + f.name())
                .collect(Collectors.joining(", "));
        w.open("public " + name + "(" + parameters + ")");
        for (Field field : fields) {
            w.line("this." + field.name() + " = " + field.name() + ";");
        }
        w.close();
        w.blank();
    }

    private void equalsAndHashCode(JavaWriter w, String name, List<Field> fields) {
        w.line("@Override");
        w.open("public boolean equals(Object other)");
        w.open("if (this == other)");
        w.line("return true;");
        w.close();
        w.open("if (!(other instanceof " + name + "))");
        w.line("return false;");
        w.close();
        w.line(name + " that = (" + name + ") other;");
        for (int i = 0; i < fields.size(); i++) {
            String expression = fields.get(i).equalsExpression(types, w);
            boolean last = i == fields.size() - 1;
            w.line((i == 0 ? "return " : "        && ") + expression + (last ? ";" : ""));
        }
        w.close();
        w.blank();
        w.line("@Override");
        w.open("public int hashCode()");
        w.line("int h = 1;");
        for (Field field : fields) {
            w.line("h = 31 * h + " + field.hashExpression(types, w) + ";");
        }
        w.line("return h;");
        w.close();
        w.blank();
    }

    private void toStringMethod(JavaWriter w, String name, List<Field> fields) {
        w.line("@Override");
        w.open("public String toString()");
        StringBuilder expression = new StringBuilder("return \"" + name + "{");
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            expression.append(i == 0 ? "" : " + \", ").append(field.name()).append("=\" + ")
                    .append(field.toStringExpression(types, w));
        }
        w.line(expression + " + \"}\";");
        w.close();
        w.blank();
    }

    private void marshaling(JavaWriter w, String name, List<Field> fields) {
        Marshal marshal = context.marshal();
        w.open("public void ice_write(" + w.use("io.floe.encoding.OutputStream") + " out)");
        for (Field field : fields) {
            w.line(marshal.write(field.type(), "this." + field.name(), w));
        }
        w.close();
        w.blank();
        w.open("public static " + name + " ice_read(" + w.use("io.floe.encoding.InputStream") + " in)");
        w.line(name + " v = new " + name + "();");
        for (Field field : fields) {
            w.line(marshal.readInto(field.type(), "v." + field.name(), w));
        }
        w.line("return v;");
        w.close();
    }
}
