package io.floe.slice.check;

import static java.util.Objects.requireNonNull;

import io.floe.slice.parse.Definition;
import io.floe.slice.parse.ForwardDecl;

/**
 * A named type in a scope. Its definition starts as a forward declaration when the name was
 * declared first; the checker replaces it once with the full definition. Identity matters:
 * every use of a name shares one symbol.
 */
public final class Symbol {
    private final String scopedName;
    private final String scope;
    private Definition definition;

    Symbol(String scopedName, String scope, Definition definition) {
        this.scopedName = requireNonNull(scopedName, "scopedName");
        this.scope = requireNonNull(scope, "scope");
        this.definition = requireNonNull(definition, "definition");
    }

    /** Such as {@code ::Demo::Grid}. */
    public String scopedName() {
        return scopedName;
    }

    /** The enclosing module's scoped name, such as {@code ::Demo}. */
    public String scope() {
        return scope;
    }

    public Definition definition() {
        return definition;
    }

    public boolean isDefined() {
        return !(definition instanceof ForwardDecl);
    }

    void define(Definition full) {
        this.definition = full;
    }

    @Override
    public String toString() {
        return scopedName;
    }
}
