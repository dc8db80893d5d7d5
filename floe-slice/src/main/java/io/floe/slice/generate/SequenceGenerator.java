package io.floe.slice.generate;

import io.floe.slice.check.Builtin;
import io.floe.slice.check.Symbol;
import io.floe.slice.check.Type;
import io.floe.slice.parse.SequenceDef;

/**
 * {@code sequence<T> S}: the final class {@code SHelper} that writes and reads {@code T[]}, or a
 * {@code java.util.List<T>} when the sequence has {@code ["java:type:C"]} (reading creates a C).
 */
final class SequenceGenerator {
    private final JavaGenerator context;

    SequenceGenerator(JavaGenerator context) {
        this.context = context;
    }

    void generate(Symbol symbol, SequenceDef sequence) {
        JavaWriter w = context.writer(symbol);
        TypeMapper types = context.types();
        Type element = context.checked().type(sequence.element());
        String name = Names.escape(sequence.name()) + "Helper";
        String javaType = types.javaType(new io.floe.slice.check.Named(symbol), w);
        String out = w.use("io.floe.encoding.OutputStream");
        String in = w.use("io.floe.encoding.InputStream");
        JavaTypeMetadata list = JavaTypeMetadata.of(sequence.metadata());

        w.open("public final class " + name);
        w.line("private " + name + "() {}");
        w.blank();
        w.open("public static void write(" + out + " out, " + javaType + " v)");
        if (list == null && Marshal.hasStreamSequence(element)) {
            w.line("out.write" + Marshal.streamSuffix((Builtin) element) + "Seq(v);");
        } else {
            String elementType = list == null ? types.javaType(element, w) : types.boxed(element, w);
            w.line("if (v == null) { out.writeSize(0); return; }");
            w.line("out.writeSize(" + (list == null ? "v.length" : "v.size()") + ");");
            w.line("for (" + elementType + " e : v) { " + context.marshal().write(element, "e", w) + " }");
        }
        w.close();
        w.blank();
        if (list == null) {
            readArray(w, name, in, element);
        } else {
            readList(w, name, in, element, javaType, list);
        }
        w.close();
        context.add(w, name);
    }

    private void readArray(JavaWriter w, String name, String in, Type element) {
        Marshal marshal = context.marshal();
        String elementType = context.types().javaType(element, w);
        String arrayType = elementType + "[]";
        if (elementType.contains("<")) {
            w.line("@SuppressWarnings({\"unchecked\", \"rawtypes\"})");
        }
        w.open("public static " + arrayType + " read(" + in + " in)");
        if (Marshal.hasStreamSequence(element)) {
            w.line("return in.read" + Marshal.streamSuffix((Builtin) element) + "Seq();");
        } else {
            w.line("int n = in.readAndCheckSeqSize(" + marshal.minSize(element) + ");");
            w.line(arrayType + " v = " + newArray(elementType, "n") + ";");
            if (TypeMapper.isClass(element)) {
                w.open("for (int i = 0; i < n; i++)");
                w.line("int index = i;");
                w.line(marshal.readInto(element, "v[index]", w));
                w.close();
            } else {
                w.line("for (int i = 0; i < n; i++) { v[i] = " + marshal.read(element, w) + "; }");
            }
            w.line("return v;");
        }
        w.close();
    }

    private void readList(JavaWriter w, String name, String in, Type element, String javaType,
                          JavaTypeMetadata list) {
        Marshal marshal = context.marshal();
        w.open("public static " + javaType + " read(" + in + " in)");
        w.line("int n = in.readAndCheckSeqSize(" + marshal.minSize(element) + ");");
        w.line(javaType + " v = new " + w.use(list.rawConcrete()) + "<>();");
        if (TypeMapper.isClass(element)) {
            w.open("for (int i = 0; i < n; i++)");
            w.line("int index = i;");
            w.line("v.add(null);");
            w.line("in.readValue(_v -> v.set(index, _v), " + context.types().classLiteral(element, w) + ");");
            w.close();
        } else {
            w.line("for (int i = 0; i < n; i++) { v.add(" + marshal.read(element, w) + "); }");
        }
        w.line("return v;");
        w.close();
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
