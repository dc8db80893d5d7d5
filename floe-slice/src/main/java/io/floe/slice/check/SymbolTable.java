package io.floe.slice.check;

import io.floe.slice.parse.Definition;
import io.floe.slice.parse.Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The types declared so far, by scoped name, and the modules (which may be reopened). */
public final class SymbolTable {
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();

    /**
     * Resolves {@code name} as Slice does: an absolute {@code ::A::B} as is, a relative one in
     * the scope, then in each enclosing scope out to the global one.
     */
    public Symbol lookup(String name, String scope) {
        if (name.startsWith("::")) {
            return symbols.get(name);
        }
        String current = scope;
        while (true) {
            Symbol symbol = symbols.get(current + "::" + name);
            if (symbol != null) {
                return symbol;
            }
            if (current.isEmpty()) {
                return null;
            }
            current = current.substring(0, current.lastIndexOf("::"));
        }
    }

    /** True when {@code name} resolved from {@code scope} names a module, not a type. */
    boolean isModule(String name, String scope) {
        if (name.startsWith("::")) {
            return modules.containsKey(name);
        }
        String current = scope;
        while (true) {
            if (modules.containsKey(current + "::" + name)) {
                return true;
            }
            if (current.isEmpty()) {
                return false;
            }
            current = current.substring(0, current.lastIndexOf("::"));
        }
    }

    public Symbol get(String scopedName) {
        return symbols.get(scopedName);
    }

    Module module(String scopedName) {
        return modules.get(scopedName);
    }

    void addModule(String scopedName, Module module) {
        modules.putIfAbsent(scopedName, module);
    }

    Symbol add(String scopedName, String scope, Definition definition) {
        Symbol symbol = new Symbol(scopedName, scope, definition);
        symbols.put(scopedName, symbol);
        return symbol;
    }

    /** Every symbol in declaration order. */
    public List<Symbol> all() {
        return List.copyOf(symbols.values());
    }
}
