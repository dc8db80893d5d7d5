package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.Location;
import io.floe.slice.parse.Operation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Slice's rule that a name keeps its meaning within a scope. The first use of an unscoped name
 * (or of the first component of a relative scoped name, {@code A} of {@code A::B}) in a scope
 * introduces it there with what it denotes; a later use or definition in the same scope that
 * makes the name, compared ignoring case, denote something else is an error: "'Foo' has
 * changed meaning". So is, for example, a module that uses {@code Foo} of an enclosing module
 * and then defines its own {@code Foo}.
 *
 * <p>The scopes are those of slice2java: each opening of a module separately, each struct,
 * exception, class and interface, and each operation (its parameters). What introduces a name
 * is what slice2java lets introduce one: type references (members, parameters, return types,
 * elements, keys and values, constant types), bases, throws entries, names used as a constant's
 * value; and the definition of a module, struct, exception, enum, class, interface (declared
 * or defined) and operation. Sequences, dictionaries, constants and forward-declared classes
 * introduce nothing when defined, and default values of data members introduce nothing, as in
 * slice2java. Data members and parameters live in a scope of their own: a name that denotes one
 * never conflicts with a name that denotes a type.
 */
final class Introductions {
    /** What a data member or parameter name denotes, exempt from the rule. */
    private static final Object MEMBER = new Object();

    private static final class Scope {
        /** Names introduced, by lower-case name, with what they denote. */
        final Map<String, Object> introduced = new HashMap<>();
        /** Data members, parameters and operations defined in the scope so far. */
        final Map<String, Object> contents = new HashMap<>();
    }

    private final SymbolTable table;
    private final Diagnostics diagnostics;
    private final Map<Object, Scope> scopes = new IdentityHashMap<>();
    private final Deque<Scope> open = new ArrayDeque<>();

    Introductions(SymbolTable table, Diagnostics diagnostics) {
        this.table = table;
        this.diagnostics = diagnostics;
    }

    /**
     * Makes {@code container} (a module opening, a struct, exception, class or interface
     * definition, or an operation: compared by identity) the current scope until {@link #leave}.
     */
    void enter(Object container) {
        open.push(scopes.computeIfAbsent(container, c -> new Scope()));
    }

    void leave() {
        open.pop();
    }

    /** A reference to {@code name} from the module {@code moduleScope}, written at {@code at}. */
    void use(String name, String moduleScope, Location at) {
        Scope scope = open.peek();
        if (scope == null || name.startsWith("::")) {
            return;
        }
        int end = name.indexOf("::");
        String first = end < 0 ? name : name.substring(0, end);
        Object local = scope.contents.get(SymbolTable.fold(first));
        if (local == MEMBER) {
            return;
        }
        Object meaning = local != null ? local : table.meaning(first, moduleScope);
        if (meaning != null) {
            introduce(scope, first, meaning, at);
        }
    }

    /** A definition of {@code name} in the current scope, denoting {@code meaning}. */
    void define(String name, Object meaning, Location at) {
        Scope scope = open.peek();
        if (scope != null) {
            introduce(scope, name, meaning, at);
        }
    }

    /** A data member or parameter of the current scope. */
    void member(String name) {
        open.element().contents.putIfAbsent(SymbolTable.fold(name), MEMBER);
    }

    /** An operation of the current (class or interface) scope. */
    void operation(Operation op) {
        open.element().contents.putIfAbsent(SymbolTable.fold(op.name()), op);
        define(op.name(), op, op.location());
    }

    private void introduce(Scope scope, String name, Object meaning, Location at) {
        Object before = scope.introduced.putIfAbsent(SymbolTable.fold(name), meaning);
        if (before != null && !before.equals(meaning)) {
            diagnostics.error(at, "'" + name + "' has changed meaning");
        }
    }
}
