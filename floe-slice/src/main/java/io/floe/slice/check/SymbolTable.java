package io.floe.slice.check;

import io.floe.slice.parse.Definition;
import io.floe.slice.parse.Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The types declared so far, by scoped name, and the modules (which may be reopened). */
public final class SymbolTable {
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    /** Slice compares names ignoring case: the same maps, by lower-case scoped name. */
    private final Map<String, Symbol> foldedSymbols = new LinkedHashMap<>();
    private final Map<String, String> foldedModules = new LinkedHashMap<>();

    /** A symbol found ignoring case, and the scoped name the reference spelled out. */
    record Found(Symbol symbol, String written) {
        /** True when the reference spells the name with other capitals than its definition. */
        boolean miscapitalized() {
            return !symbol.scopedName().equals(written);
        }
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

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

    /**
     * As {@link #lookup}, but ignoring case, as Slice finds names: the first scope outwards that
     * holds the name in any capitalization wins.
     */
    Found find(String name, String scope) {
        if (name.startsWith("::")) {
            Symbol symbol = foldedSymbols.get(fold(name));
            return symbol == null ? null : new Found(symbol, name);
        }
        String current = scope;
        while (true) {
            String written = current + "::" + name;
            Symbol symbol = foldedSymbols.get(fold(written));
            if (symbol != null) {
                return new Found(symbol, written);
            }
            if (current.isEmpty()) {
                return null;
            }
            current = current.substring(0, current.lastIndexOf("::"));
        }
    }

    /**
     * What an unscoped {@code name} denotes from {@code scope}, ignoring case: the symbol, or
     * for a module the key {@link #moduleMeaning} gives; null when nothing has that name.
     */
    Object meaning(String name, String scope) {
        String current = scope;
        while (true) {
            String folded = fold(current + "::" + name);
            Symbol symbol = foldedSymbols.get(folded);
            if (symbol != null) {
                return symbol;
            }
            if (foldedModules.containsKey(folded)) {
                return moduleMeaning(folded);
            }
            if (current.isEmpty()) {
                return null;
            }
            current = current.substring(0, current.lastIndexOf("::"));
        }
    }

    /** What a module denotes: the same for every reopening of it. */
    static Object moduleMeaning(String scopedName) {
        return "module " + fold(scopedName);
    }

    /** The symbol with this scoped name in any capitalization, or null. */
    Symbol getIgnoringCase(String scopedName) {
        return foldedSymbols.get(fold(scopedName));
    }

    /** The scoped name, as first spelled, of the module with this name in any capitalization. */
    String moduleIgnoringCase(String scopedName) {
        return foldedModules.get(fold(scopedName));
    }

    public Symbol get(String scopedName) {
        return symbols.get(scopedName);
    }

    Module module(String scopedName) {
        return modules.get(scopedName);
    }

    void addModule(String scopedName, Module module) {
        modules.putIfAbsent(scopedName, module);
        foldedModules.putIfAbsent(fold(scopedName), scopedName);
    }

    Symbol add(String scopedName, String scope, Definition definition) {
        Symbol symbol = new Symbol(scopedName, scope, definition);
        symbols.put(scopedName, symbol);
        foldedSymbols.put(fold(scopedName), symbol);
        return symbol;
    }

    /** Every symbol in declaration order. */
    public List<Symbol> all() {
        return List.copyOf(symbols.values());
    }
}
