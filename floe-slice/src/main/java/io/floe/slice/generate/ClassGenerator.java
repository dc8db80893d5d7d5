package io.floe.slice.generate;

import io.floe.slice.check.Named;
import io.floe.slice.check.Symbol;
import io.floe.slice.parse.ClassDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code class C(id) extends B}: a Java class extending B (or {@code io.floe.Value}) whose slices
 * are written most derived first (mapping.md), and for a compact id the class
 * {@code FloeCompactId.TypeId_<id>} that the runtime looks compact ids up in.
 */
final class ClassGenerator {
    private final JavaGenerator context;
    private final TypeMapper types;
    private final MemberWriter members;

    ClassGenerator(JavaGenerator context) {
        this.context = context;
        this.types = context.types();
        this.members = new MemberWriter(context);
    }

    void generate(Symbol symbol, ClassDef classDef) {
        JavaWriter w = context.writer(symbol);
        String name = Names.escape(classDef.name());
        Symbol base = base(classDef);
        String superclass = w.use(base == null ? "io.floe.Value" : types.qualified(base));
        List<Field> own = Field.of(classDef.members(), context.checked());
        List<Field> inherited = inheritedFields(base);

        w.open("public class " + name + " extends " + superclass);
        members.fields(w, classDef, own);
        constructors(w, name, own, inherited);
        w.line("public static final String TYPE_ID = \"" + symbol.scopedName() + "\";");
        w.blank();
        w.line("@Override");
        w.open("public String ice_id()");
        w.line("return TYPE_ID;");
        w.close();
        w.blank();
        w.line("@Override");
        w.open("public " + name + " clone()");
        w.line("return (" + name + ") super.clone();");
        w.close();
        w.blank();
        marshaling(w, classDef, base, own);
        w.close();
        context.add(w, name);
        if (classDef.compactId() >= 0) {
            compactId(symbol, classDef.compactId());
        }
    }

    private Symbol base(ClassDef classDef) {
        return classDef.base() == null ? null : ((Named) context.checked().type(classDef.base())).symbol();
    }

    private List<Field> inheritedFields(Symbol base) {
        List<Field> fields = new ArrayList<>();
        for (Symbol s = base; s != null; ) {
            ClassDef def = (ClassDef) s.definition();
            fields.addAll(0, Field.of(def.members(), context.checked()));
            s = base(def);
        }
        return fields;
    }

    private void constructors(JavaWriter w, String name, List<Field> own, List<Field> inherited) {
        w.open("public " + name + "()");
        members.initialValues(w, own);
        w.close();
        w.blank();
        List<Field> all = new ArrayList<>(inherited);
        all.addAll(own);
        if (all.isEmpty()) {
            return;
        }
        constructor(w, name, all, inherited, own);
        List<Field> required = all.stream().filter(f -> !f.member().isOptional()).toList();
        if (!required.isEmpty() && required.size() < all.size()) {
            constructor(w, name, required, inherited.stream().filter(required::contains).toList(),
                    own.stream().filter(required::contains).toList());
        }
    }

    /** A constructor taking {@code parameters}; the inherited ones go to the base's. */
    private void constructor(JavaWriter w, String name, List<Field> parameters, List<Field> inherited,
                             List<Field> own) {
        String list = parameters.stream().map(f -> types.javaType(f.type(), w) + " " + f.name())
                .collect(Collectors.joining(", "));
        w.open("public " + name + "(" + list + ")");
        if (!inherited.isEmpty()) {
            w.line("super(" + inherited.stream().map(Field::name).collect(Collectors.joining(", ")) + ");");
        }
        for (Field field : own) {
            members.assign(w, field);
        }
        w.close();
        w.blank();
    }

    private void marshaling(JavaWriter w, ClassDef classDef, Symbol base, List<Field> own) {
        w.line("@Override");
        w.open("public void _write(" + w.use("io.floe.encoding.OutputStream") + " out)");
        w.line("out." + (base == null ? "startLastValueSlice" : "startValueSlice") + "(TYPE_ID, "
                + classDef.compactId() + ");");
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

    private void compactId(Symbol symbol, int id) {
        JavaWriter w = new JavaWriter("FloeCompactId", Set.of());
        String name = "TypeId_" + id;
        w.line("/** Compact type id " + id + ": the class the runtime makes for it. */");
        w.open("public final class " + name);
        w.line("public static final String typeId = \"" + symbol.scopedName() + "\";");
        w.blank();
        w.line("private " + name + "() {}");
        w.close();
        context.add(w, name);
    }
}
