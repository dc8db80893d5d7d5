package io.floe.slice.generate;

import io.floe.slice.check.EnumRule;
import io.floe.slice.check.Symbol;
import io.floe.slice.parse.EnumDef;
import java.util.ArrayList;
import java.util.List;

/** {@code enum E}: a Java enum carrying each enumerator's Slice value. */
final class EnumGenerator {
    private final JavaGenerator context;

    EnumGenerator(JavaGenerator context) {
        this.context = context;
    }

    void generate(Symbol symbol, EnumDef enumDef) {
        JavaWriter w = context.writer(symbol);
        String name = Names.escape(enumDef.name());
        long[] values = EnumRule.values(enumDef);
        List<String> names = enumDef.enumerators().stream().map(e -> Names.escape(e.name())).toList();

        w.open("public enum " + name);
        for (int i = 0; i < names.size(); i++) {
            w.line(names.get(i) + "(" + values[i] + ")" + (i == names.size() - 1 ? ";" : ","));
        }
        w.blank();
        w.line("private final int value;");
        w.blank();
        w.open(name + "(int value)");
        w.line("this.value = value;");
        w.close();
        w.blank();
        w.line("/** The enumerator's value in Slice and on the wire. */");
        w.open("public int value()");
        w.line("return value;");
        w.close();
        w.blank();
        w.line("/** The enumerator with this value; MarshalException for an undeclared one. */");
        w.open("public static " + name + " valueOf(int value)");
        w.open("return switch (value)");
        for (int i = 0; i < names.size(); i++) {
            w.line("case " + values[i] + " -> " + names.get(i) + ";");
        }
        w.line("default -> throw new " + w.use("io.floe.MarshalException") + "(\"" + name
                + " value: \" + value + \" (expected: " + expected(values) + ")\");");
        w.close(";");
        w.close();
        w.blank();
        w.open("public void ice_write(" + w.use("io.floe.encoding.OutputStream") + " out)");
        w.line("out.writeEnum(value);");
        w.close();
        w.blank();
        w.open("public static " + name + " ice_read(" + w.use("io.floe.encoding.InputStream") + " in)");
        w.line("return valueOf(in.readEnum());");
        w.close();
        w.close();
        context.add(w, name);
    }

    private static String expected(long[] values) {
        List<String> list = new ArrayList<>();
        for (long value : values) {
            list.add(Long.toString(value));
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }
}
