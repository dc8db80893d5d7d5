package io.floe.slice.generate;

import io.floe.slice.check.Symbol;
import io.floe.slice.check.Type;
import io.floe.slice.parse.DictionaryDef;

/** {@code dictionary<K, V> D}: {@code DHelper} writing a Map and reading a LinkedHashMap. */
final class DictionaryGenerator {
    private final JavaGenerator context;

    DictionaryGenerator(JavaGenerator context) {
        this.context = context;
    }

    void generate(Symbol symbol, DictionaryDef dictionary) {
        JavaWriter w = context.writer(symbol);
        TypeMapper types = context.types();
        Marshal marshal = context.marshal();
        Type key = context.checked().type(dictionary.key());
        Type value = context.checked().type(dictionary.value());
        String name = Names.escape(dictionary.name()) + "Helper";
        String map = w.use("java.util.Map");
        String typeArguments = "<" + types.boxed(key, w) + ", " + types.boxed(value, w) + ">";
        String mapType = map + typeArguments;
        String out = w.use("io.floe.encoding.OutputStream");
        String in = w.use("io.floe.encoding.InputStream");

        w.open("public final class " + name);
        w.line("private " + name + "() {}");
        w.blank();
        w.open("public static void write(" + out + " out, " + mapType + " v)");
        w.line("if (v == null) { out.writeSize(0); return; }");
        w.line("out.writeSize(v.size());");
        w.open("for (" + map + ".Entry" + typeArguments + " e : v.entrySet())");
        w.line(marshal.write(key, "e.getKey()", w));
        w.line(marshal.write(value, "e.getValue()", w));
        w.close();
        w.close();
        w.blank();
        w.open("public static " + mapType + " read(" + in + " in)");
        w.line("int n = in.readAndCheckSeqSize(" + (marshal.minSize(key) + marshal.minSize(value)) + ");");
        JavaTypeMetadata concrete = JavaTypeMetadata.of(dictionary.metadata());
        String created = concrete == null ? "java.util.LinkedHashMap" : concrete.rawConcrete();
        w.line(mapType + " v = new " + w.use(created) + "<>();");
        w.open("for (int i = 0; i < n; i++)");
        w.line(types.javaType(key, w) + " k = " + marshal.read(key, w) + ";");
        if (TypeMapper.isClass(value)) {
            w.line("v.put(k, null); // keeps the order while the instance may come later");
            w.line("in.readValue(_v -> v.put(k, _v), " + types.classLiteral(value, w) + ");");
        } else {
            w.line("v.put(k, " + marshal.read(value, w) + ");");
        }
        w.close();
        w.line("return v;");
        w.close();
        w.close();
        context.add(w, name);
    }
}
