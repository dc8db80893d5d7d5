package io.floe.slice.generate;

import io.floe.slice.check.Symbol;
import io.floe.slice.parse.ExceptionDef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code exception X extends Y}: a class extending Y (or UserException) whose slices are
 * written most derived first (mapping.md).
 */
final class ExceptionGenerator {
    private final JavaGenerator context;
    private final TypeMapper types;
    private final MemberWriter members;

    ExceptionGenerator(JavaGenerator context) {
        this.context = context;
        this.types = context.types();
        this.members = new MemberWriter(context);
    }

    void generate(Symbol symbol, ExceptionDef exception) {
        JavaWriter w = context.writer(symbol);
        String name = Names.escape(exception.name());
        Symbol base = context.checked().base(exception);
        String superclass = base == null ? w.use("io.floe.UserException") : w.use(types.qualified(base));
        List<Field> own = Field.of(exception.members(), context.checked());
        List<Field> inherited = inheritedFields(base);

        w.open("public class " + name + " extends " + superclass);
        members.fields(w, exception, own);
        constructors(w, name, own, inherited);
        w.line("@Override");
        w.open("public String ice_id()");
        w.line("return \"" + symbol.scopedName() + "\";");
        w.close();
        w.blank();
        marshaling(w, symbol, base, own);
        w.close();
        context.add(w, name);
    }

    private List<Field> inheritedFields(Symbol base) {
        List<Field> fields = new ArrayList<>();
        for (Symbol s = base; s != null; ) {
            ExceptionDef def = (ExceptionDef) s.definition();
            fields.addAll(0, Field.of(def.members(), context.checked()));
            s = context.checked().base(def);
        }
        return fields;
    }

    private void constructors(JavaWriter w, String name, List<Field> own, List<Field> inherited) {
        List<Field> all = new ArrayList<>(inherited);
        all.addAll(own);
        String cause = all.stream().anyMatch(f -> f.name().equals("cause")) ? "cause_" : "cause";

        w.open("public " + name + "()");
        initialValues(w, own);
        w.close();
        w.blank();
        w.open("public " + name + "(Throwable " + cause + ")");
        w.line("super(" + cause + ");");
        initialValues(w, own);
        w.close();
        w.blank();
        if (all.isEmpty()) {
            return;
        }
        String parameters = all.stream().map(f -> types.javaType(f.type(), w) + " " + f.name())
                .collect(Collectors.joining(", "));
        String superArguments = inherited.stream().map(Field::name).collect(Collectors.joining(", "));
        for (boolean withCause : new boolean[] {false, true}) {
            String extra = withCause ? ", Throwable " + cause : "";
            w.open("public " + name + "(" + parameters + extra + ")");
            if (withCause) {
                w.line("super(" + superArguments + (inherited.isEmpty() ? "" : ", ") + cause + ");");
            } else if (!inherited.isEmpty()) {
                w.line("super(" + superArguments + ");");
            }
            for (Field field : own) {
                members.assign(w, field);
            }
            w.close();
            w.blank();
        }
    }

    private void initialValues(JavaWriter w, List<Field> own) {
        members.initialValues(w, own);
    }

    private void marshaling(JavaWriter w, Symbol symbol, Symbol base, List<Field> own) {
        String typeId = "\"" + symbol.scopedName() + "\"";
        w.line("@Override");
        w.open("public void _write(" + w.use("io.floe.encoding.OutputStream") + " out)");
        w.line(base == null ? "out.startLastSlice(" + typeId + ");" : "out.startSlice(" + typeId + ");");
        members.write(w, own);
        w.line("out.endSlice();");
        if (base != null) {
            w.line("super._write(out);");
        }
        w.close();
        w.blank();
        w.line("@Override");
        w.open("public void _read(" + w.use("io.floe.encoding.InputStream") + " in)");
        w.line("in.startSlice();");
        members.read(w, own);
        w.line("in.endSlice();");
        if (base != null) {
            w.line("super._read(in);");
        }
        w.close();
    }
}
