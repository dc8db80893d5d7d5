package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.ClassDef;
import io.floe.slice.parse.ExceptionDef;
import io.floe.slice.parse.ForwardDecl;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.TypeRef;
import java.util.Map;

/** Resolves type references in a scope, recording each for the generator. */
final class TypeRules {
    private final SymbolTable table;
    private final Map<TypeRef, Type> types;
    private final Diagnostics diagnostics;
    private final Introductions introductions;

    TypeRules(SymbolTable table, Map<TypeRef, Type> types, Diagnostics diagnostics,
              Introductions introductions) {
        this.table = table;
        this.types = types;
        this.diagnostics = diagnostics;
        this.introductions = introductions;
    }

    Introductions introductions() {
        return introductions;
    }

    Map<TypeRef, Type> types() {
        return types;
    }

    /** A type used for a value (member, parameter, element...); null after an error. */
    Type resolve(TypeRef ref, String scope) {
        Builtin builtin = Builtin.of(ref.name(), ref.proxy());
        if (builtin != null) {
            types.put(ref, builtin);
            return builtin;
        }
        Symbol symbol = lookup(ref, scope);
        if (symbol == null) {
            return null;
        }
        Type type;
        if (ref.proxy()) {
            if (!isInterfaceOrClass(symbol)) {
                diagnostics.error(ref.location(), "'" + ref + "' is not a proxy: " + ref.name()
                        + " is " + article(symbol) + " (expected: an interface)");
                return null;
            }
            type = new ProxyType(symbol);
        } else {
            if (symbol.definition() instanceof ExceptionDef) {
                diagnostics.error(ref.location(), "exception '" + ref.name()
                        + "' cannot be used as a type (only in throws clauses)");
                return null;
            }
            type = new Named(symbol);
        }
        types.put(ref, type);
        return type;
    }

    /**
     * A base or throws entry: the named symbol, which must be fully defined; null after an
     * error. The caller checks its kind.
     */
    Symbol resolveDefined(TypeRef ref, String scope) {
        if (Builtin.of(ref.name(), ref.proxy()) != null || ref.proxy()) {
            diagnostics.error(ref.location(), "'" + ref + "' is not a user-defined type");
            return null;
        }
        Symbol symbol = lookup(ref, scope);
        if (symbol == null) {
            return null;
        }
        if (!symbol.isDefined()) {
            diagnostics.error(ref.location(), symbol.definition().kindName() + " '" + ref.name()
                    + "' is declared but not defined");
            return null;
        }
        types.put(ref, new Named(symbol));
        return symbol;
    }

    /**
     * The symbol the name denotes, found ignoring case as in Slice: a name spelled with other
     * capitals than its definition is an error, reported once, and still resolves.
     */
    private Symbol lookup(TypeRef ref, String scope) {
        SymbolTable.Found found = table.find(ref.name(), scope);
        if (found == null) {
            if (table.isModule(ref.name(), scope)) {
                diagnostics.error(ref.location(), "'" + ref.name() + "' is a module, not a type");
            } else {
                diagnostics.error(ref.location(), "'" + ref.name() + "' is not defined");
            }
            return null;
        }
        Symbol symbol = found.symbol();
        if (found.miscapitalized()) {
            diagnostics.error(ref.location(), symbol.definition().kindName() + " name '"
                    + ref.name() + "' is capitalized inconsistently with its previous name: '"
                    + symbol.scopedName() + "'");
        }
        introductions.use(ref.name(), scope, ref.location());
        return symbol;
    }

    private static boolean isInterfaceOrClass(Symbol symbol) {
        return symbol.definition() instanceof InterfaceDef
                || symbol.definition() instanceof ClassDef
                || symbol.definition() instanceof ForwardDecl;
    }

    static String article(Symbol symbol) {
        String kind = symbol.definition().kindName();
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
