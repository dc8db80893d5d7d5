package io.floe.slice.check;

import io.floe.slice.parse.ConstValue;
import io.floe.slice.parse.Definition;
import io.floe.slice.parse.ExceptionDef;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.SliceUnit;
import io.floe.slice.parse.TypeRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A unit that passed the checker, with every type reference resolved. */
public final class CheckedUnit {
    private final SliceUnit unit;
    private final SymbolTable symbols;
    private final Map<TypeRef, Type> types;
    private final Map<ConstValue, ConstValue> literals;

    CheckedUnit(SliceUnit unit, SymbolTable symbols, IdentityHashMap<TypeRef, Type> types,
                Map<ConstValue, ConstValue> literals) {
        this.unit = unit;
        this.symbols = symbols;
        this.types = Collections.unmodifiableMap(types);
        this.literals = Collections.unmodifiableMap(literals);
    }

    /** The literal an initializer stands for: itself, or the value of the constant it names. */
    public ConstValue literal(ConstValue value) {
        return literals.getOrDefault(value, value);
    }

    public SliceUnit unit() {
        return unit;
    }

    public SymbolTable symbols() {
        return symbols;
    }

    /** The type {@code ref} resolved to, where it was written. */
    public Type type(TypeRef ref) {
        Type type = types.get(ref);
        if (type == null) {
            throw new IllegalStateException("unresolved type " + ref + " at " + ref.location());
        }
        return type;
    }

    /** As {@link #type}, or null when the reference did not resolve (after an error). */
    public Type typeOrNull(TypeRef ref) {
        return types.get(ref);
    }

    /** The symbol a base, throws entry or by-value type names. */
    public Symbol symbol(TypeRef ref) {
        Type type = type(ref);
        if (type instanceof Named named) {
            return named.symbol();
        }
        if (type instanceof ProxyType proxy) {
            return proxy.symbol();
        }
        throw new IllegalStateException(ref + " is builtin");
    }

    /** The symbol of a definition seen while walking the unit. */
    public Symbol symbolOf(Definition definition, String scope) {
        return symbols.get(scope + "::" + definition.name());
    }

    /** The direct bases of an interface, in declaration order, without duplicates. */
    public List<Symbol> bases(InterfaceDef def) {
        return def.bases().stream().map(this::symbol).distinct().toList();
    }

    /** Every base of an interface, direct or not, each once, nearest first. */
    public List<Symbol> allBases(InterfaceDef def) {
        Set<Symbol> seen = new LinkedHashSet<>();
        List<Symbol> todo = new ArrayList<>(bases(def));
        while (!todo.isEmpty()) {
            Symbol base = todo.remove(0);
            if (seen.add(base) && base.definition() instanceof InterfaceDef baseDef) {
                todo.addAll(bases(baseDef));
            }
        }
        return List.copyOf(seen);
    }

    /** The exception's base, or null for a root exception. */
    public Symbol base(ExceptionDef def) {
        return def.base() == null ? null : symbol(def.base());
    }

    /** True when {@code candidate} is {@code ancestor} or derives from it. */
    public boolean derivesFrom(Symbol candidate, Symbol ancestor) {
        Set<Symbol> seen = new LinkedHashSet<>();
        for (Symbol s = candidate; s != null && seen.add(s); ) {
            if (s == ancestor) {
                return true;
            }
            s = s.definition() instanceof ExceptionDef e ? base(e) : null;
        }
        return false;
    }
}
