package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.ClassDef;
import io.floe.slice.parse.DataMember;
import io.floe.slice.parse.Definition;
import io.floe.slice.parse.DictionaryDef;
import io.floe.slice.parse.ExceptionDef;
import io.floe.slice.parse.ForwardDecl;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.Module;
import io.floe.slice.parse.Operation;
import io.floe.slice.parse.Parameter;
import io.floe.slice.parse.SequenceDef;
import io.floe.slice.parse.StructDef;
import io.floe.slice.parse.TypeRef;
import java.util.List;

/**
 * What parses and checks but cannot be generated yet: classes (and Object or Value by value)
 * and optionals. Only definitions of the file being generated are refused; included files may
 * use them freely.
 */
final class SupportRule {
    static final String CLASSES = "classes are not supported yet";
    static final String OPTIONAL_MEMBERS = "optional data members are not supported yet";
    static final String OPTIONAL_PARAMETERS = "optional parameters are not supported yet";

    private final CheckedUnit checked;
    private final Diagnostics diagnostics;

    private SupportRule(CheckedUnit checked, Diagnostics diagnostics) {
        this.checked = checked;
        this.diagnostics = diagnostics;
    }

    static void check(CheckedUnit checked, Diagnostics diagnostics) {
        new SupportRule(checked, diagnostics).definitions(checked.unit().definitions());
    }

    private void definitions(List<Definition> definitions) {
        for (Definition definition : definitions) {
            if (definition instanceof Module module) {
                definitions(module.definitions());
            } else if (!definition.local()
                    && definition.location().file().equals(checked.unit().mainFile())) {
                definition(definition);
            }
        }
    }

    private void definition(Definition definition) {
        if (definition instanceof ClassDef) {
            diagnostics.error(definition.location(), CLASSES);
        } else if (definition instanceof StructDef struct) {
            members(struct.members());
        } else if (definition instanceof ExceptionDef exception) {
            members(exception.members());
        } else if (definition instanceof SequenceDef sequence) {
            use(sequence.element());
        } else if (definition instanceof DictionaryDef dictionary) {
            use(dictionary.key());
            use(dictionary.value());
        } else if (definition instanceof InterfaceDef interfaceDef) {
            interfaceDef.operations().forEach(this::operation);
        }
    }

    private void members(List<DataMember> members) {
        for (DataMember member : members) {
            if (member.isOptional()) {
                diagnostics.error(member.location(), OPTIONAL_MEMBERS);
            }
            use(member.type());
        }
    }

    private void operation(Operation op) {
        if (op.returnType() != null) {
            if (op.returnTag() >= 0) {
                diagnostics.error(op.returnType().location(), OPTIONAL_PARAMETERS);
            }
            use(op.returnType());
        }
        for (Parameter parameter : op.parameters()) {
            if (parameter.isOptional()) {
                diagnostics.error(parameter.location(), OPTIONAL_PARAMETERS);
            }
            use(parameter.type());
        }
    }

    /** A class used by value, unless it is a class of this file (refused where defined). */
    private void use(TypeRef ref) {
        Type type = checked.typeOrNull(ref);
        if (type instanceof Builtin builtin && builtin.isClass()) {
            diagnostics.error(ref.location(), CLASSES);
        } else if (type instanceof Named named) {
            Definition definition = named.symbol().definition();
            boolean byValueInterface = definition instanceof InterfaceDef
                    || definition instanceof ForwardDecl f && f.isInterface();
            boolean foreignClass = (definition instanceof ClassDef || definition instanceof ForwardDecl)
                    && !definition.location().file().equals(checked.unit().mainFile());
            if (byValueInterface || foreignClass) {
                diagnostics.error(ref.location(), CLASSES);
            }
        }
    }
}
