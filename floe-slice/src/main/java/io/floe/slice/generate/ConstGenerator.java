package io.floe.slice.generate;

import io.floe.slice.check.Symbol;
import io.floe.slice.check.Type;
import io.floe.slice.parse.ConstDef;

/** {@code const T n = v}: {@code public interface n { T value = v; }}, as Ice for Java. */
final class ConstGenerator {
    private final JavaGenerator context;

    ConstGenerator(JavaGenerator context) {
        this.context = context;
    }

    void generate(Symbol symbol, ConstDef constant) {
        JavaWriter w = context.writer(symbol);
        Type type = context.checked().type(constant.type());
        String name = Names.escape(constant.name());
        w.open("public interface " + name);
        w.line(context.types().javaType(type, w) + " value = "
                + context.types().literal(type, constant.value(), w) + ";");
        w.close();
        context.add(w, name);
    }
}
