package io.floe.slice.generate;

import io.floe.slice.check.Builtin;
import io.floe.slice.check.Symbol;
import io.floe.slice.check.Type;
import io.floe.slice.parse.SequenceDef;

/** {@code sequence<T> S}: the final class {@code SHelper} that writes and reads {@code T[]}. */
final class SequenceGenerator {
    private final JavaGenerator context;

    SequenceGenerator(JavaGenerator context) {
        this.context = context;
    }

    void generate(Symbol symbol, SequenceDef sequence) {
        JavaWriter w = context.writer(symbol);
        TypeMapper types = context.types();
        Marshal marshal = context.marshal();
        Type element = context.checked().type(sequence.element());
        String name = Names.escape(sequence.name()) + "Helper";
        String elementType = types.javaType(element, w);
        String arrayType = elementType + "[]";
        String out = w.use("io.floe.encoding.OutputStream");
        String in = w.use("io.floe.encoding.InputStream");

        w.open("public final class " + name);
        w.line("private " + name + "() {}");
        w.blank();
        w.open("public static void write(" + out + " out, " + arrayType + " v)");
        if (Marshal.hasStreamSequence(element)) {
            w.line("out.write" + Marshal.streamSuffix((Builtin) element) + "Seq(v);");
        } else {
            w.line("if (v == null) { out.writeSize(0); return; }");
            w.line("out.writeSize(v.length);");
            w.line("for (" + elementType + " e : v) { " + marshal.write(element, "e", w) + " }");
        }
        w.close();
        w.blank();
        if (elementType.contains("<")) {
            w.line("@SuppressWarnings({\"unchecked\", \"rawtypes\"})");
        }
        w.open("public static " + arrayType + " read(" + in + " in)");
        if (Marshal.hasStreamSequence(element)) {
            w.line("return in.read" + Marshal.streamSuffix((Builtin) element) + "Seq();");
        } else {
            w.line("int n = in.readAndCheckSeqSize(" + marshal.minSize(element) + ");");
            w.line(arrayType + " v = " + newArray(elementType, "n") + ";");
            w.line("for (int i = 0; i < n; i++) { v[i] = " + marshal.read(element, w) + "; }");
            w.line("return v;");
        }
        w.close();
        w.close();
        context.add(w, name);
    }

    /** {@code new float[n][]} for element {@code float[]}; generic elements use the raw type. */
    static String newArray(String elementType, String size) {
        int bracket = elementType.indexOf('[');
        String base = bracket < 0 ? elementType : elementType.substring(0, bracket);
        String dims = bracket < 0 ? "" : elementType.substring(bracket);
        int generic = base.indexOf('<');
        if (generic >= 0) {
            return "new " + base.substring(0, generic) + "[" + size + "]" + dims;
        }
        return "new " + base + "[" + size + "]" + dims;
    }
}
