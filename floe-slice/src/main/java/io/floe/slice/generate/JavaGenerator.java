package io.floe.slice.generate;

import io.floe.slice.check.CheckedUnit;
import io.floe.slice.check.Symbol;
import io.floe.slice.parse.ClassDef;
import io.floe.slice.parse.ConstDef;
import io.floe.slice.parse.Definition;
import io.floe.slice.parse.DictionaryDef;
import io.floe.slice.parse.EnumDef;
import io.floe.slice.parse.ExceptionDef;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.Module;
import io.floe.slice.parse.SequenceDef;
import io.floe.slice.parse.StructDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates the Java of one checked unit: the definitions of its main file only (not of the
 * files it includes), in source order, one generator per construct.
 */
public final class JavaGenerator {
    private final CheckedUnit checked;
    private final TypeMapper types;
    private final Marshal marshal;
    private final String sliceFileName;
    private final List<GeneratedFile> files = new ArrayList<>();

    private JavaGenerator(CheckedUnit checked) {
        this.checked = checked;
        this.types = new TypeMapper(checked);
        this.marshal = new Marshal(types);
        Path fileName = Path.of(checked.unit().mainFile()).getFileName();
        this.sliceFileName = fileName == null ? checked.unit().mainFile() : fileName.toString();
    }

    /** The unit must have passed the checker without errors. */
    public static List<GeneratedFile> generate(CheckedUnit checked) {
        JavaGenerator generator = new JavaGenerator(checked);
        generator.definitions(checked.unit().definitions(), "");
        return List.copyOf(generator.files);
    }

    private void definitions(List<Definition> definitions, String scope) {
        for (Definition definition : definitions) {
            if (definition instanceof Module module) {
                definitions(module.definitions(), scope + "::" + module.name());
            } else if (!definition.local()
                    && definition.location().file().equals(checked.unit().mainFile())) {
                definition(definition, checked.symbolOf(definition, scope));
            }
        }
    }

    private void definition(Definition definition, Symbol symbol) {
        if (definition instanceof StructDef struct) {
            new StructGenerator(this).generate(symbol, struct);
        } else if (definition instanceof EnumDef enumDef) {
            new EnumGenerator(this).generate(symbol, enumDef);
        } else if (definition instanceof ExceptionDef exception) {
            new ExceptionGenerator(this).generate(symbol, exception);
        } else if (definition instanceof SequenceDef sequence) {
            new SequenceGenerator(this).generate(symbol, sequence);
        } else if (definition instanceof DictionaryDef dictionary) {
            new DictionaryGenerator(this).generate(symbol, dictionary);
        } else if (definition instanceof ConstDef constant) {
            new ConstGenerator(this).generate(symbol, constant);
        } else if (definition instanceof ClassDef classDef && symbol.definition() == classDef) {
            new ClassGenerator(this).generate(symbol, classDef);
        } else if (definition instanceof InterfaceDef interfaceDef && symbol.definition() == interfaceDef) {
            new ServantGenerator(this).generate(symbol, interfaceDef);
            new ProxyGenerator(this).generate(symbol, interfaceDef);
            new AmdCallbackGenerator(this).generate(symbol, interfaceDef);
        }
        // Forward declarations generate nothing.
    }

    CheckedUnit checked() {
        return checked;
    }

    TypeMapper types() {
        return types;
    }

    Marshal marshal() {
        return marshal;
    }

    /** A writer for a file in the package of {@code symbol}. */
    JavaWriter writer(Symbol symbol) {
        String pkg = types.packageOf(symbol);
        Set<String> packageTypes = new HashSet<>();
        for (Symbol other : checked.symbols().all()) {
            if (types.packageOf(other).equals(pkg)) {
                String name = Names.escape(other.definition().name());
                packageTypes.addAll(List.of(name, name + "Helper", name + "Prx", name + "PrxHandle"));
            }
        }
        return new JavaWriter(pkg, packageTypes);
    }

    void add(JavaWriter w, String simpleName) {
        String path = w.packageName().replace('.', '/') + "/" + simpleName + ".java";
        files.add(new GeneratedFile(path, w.toSource(sliceFileName)));
    }
}
