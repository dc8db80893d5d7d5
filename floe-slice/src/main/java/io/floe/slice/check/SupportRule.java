package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.ClassDef;
import io.floe.slice.parse.Definition;
import io.floe.slice.parse.Module;
import java.util.List;

/**
 * What parses and checks but cannot be generated yet: operations of classes and classes that
 * implement interfaces (deprecated in Ice 3.7). Only definitions of the file being generated are
 * refused; included files may use them freely.
 */
final class SupportRule {
    static final String CLASS_OPERATIONS = "operations of classes are not supported yet";
    static final String CLASS_IMPLEMENTS = "classes implementing interfaces are not supported yet";

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
        if (definition instanceof ClassDef classDef) {
            if (!classDef.operations().isEmpty()) {
                diagnostics.error(classDef.operations().get(0).location(), CLASS_OPERATIONS);
            }
            if (!classDef.implemented().isEmpty()) {
                diagnostics.error(classDef.implemented().get(0).location(), CLASS_IMPLEMENTS);
            }
        }
    }
}
