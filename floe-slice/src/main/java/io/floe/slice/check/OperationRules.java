package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.ClassDef;
import io.floe.slice.parse.ExceptionDef;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.Operation;
import io.floe.slice.parse.Parameter;
import io.floe.slice.parse.TypeRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Interface inheritance, operations, parameters and throws clauses. */
final class OperationRules {
    private final TypeRules typeRules;
    private final Diagnostics diagnostics;

    OperationRules(TypeRules typeRules, Diagnostics diagnostics) {
        this.typeRules = typeRules;
        this.diagnostics = diagnostics;
    }

    void interfaceDef(InterfaceDef def, Symbol symbol, String scope) {
        Map<String, String> inherited = new HashMap<>();
        for (TypeRef ref : def.bases()) {
            Symbol base = typeRules.resolveDefined(ref, scope);
            if (base == null) {
                continue;
            }
            if (!(base.definition() instanceof InterfaceDef)) {
                diagnostics.error(ref.location(), "'" + ref.name() + "' is not an interface");
            } else if (base == symbol) {
                diagnostics.error(ref.location(), "interface '" + def.name()
                        + "' cannot extend itself");
            } else {
                collectOperations(base, inherited, new HashSet<>());
            }
        }
        operations(def.operations(), scope, inherited);
    }

    void classOperations(ClassDef def, String scope) {
        operations(def.operations(), scope, Map.of());
    }

    private void collectOperations(Symbol s, Map<String, String> into, Set<Symbol> seen) {
        if (!seen.add(s) || !(s.definition() instanceof InterfaceDef def)) {
            return;
        }
        for (Operation op : def.operations()) {
            into.putIfAbsent(op.name(), s.scopedName());
        }
        for (TypeRef ref : def.bases()) {
            Type base = typeRules.types().get(ref);
            if (base instanceof Named named) {
                collectOperations(named.symbol(), into, seen);
            }
        }
    }

    private void operations(List<Operation> operations, String scope, Map<String, String> inherited) {
        Set<String> names = new HashSet<>();
        for (Operation op : operations) {
            if (!names.add(op.name())) {
                diagnostics.error(op.location(), "redefinition of operation '" + op.name() + "'");
            } else if (inherited.containsKey(op.name())) {
                diagnostics.error(op.location(), "operation '" + op.name()
                        + "' is already defined in base interface '" + inherited.get(op.name()) + "'");
            }
            if (op.returnType() != null) {
                typeRules.resolve(op.returnType(), scope);
            }
            parameters(op, scope);
            new OptionalRule(diagnostics).operation(op);
            throwsClause(op, scope);
        }
    }

    private void parameters(Operation op, String scope) {
        Set<String> names = new HashSet<>();
        boolean sawOut = false;
        for (Parameter parameter : op.parameters()) {
            if (!names.add(parameter.name())) {
                diagnostics.error(parameter.location(), "redefinition of parameter '"
                        + parameter.name() + "'");
            }
            if (sawOut && !parameter.out()) {
                diagnostics.error(parameter.location(), "in parameter '" + parameter.name()
                        + "' follows an out parameter");
            }
            sawOut |= parameter.out();
            typeRules.resolve(parameter.type(), scope);
        }
    }

    private void throwsClause(Operation op, String scope) {
        Set<Symbol> listed = new HashSet<>();
        for (TypeRef ref : op.throwsList()) {
            Symbol thrown = typeRules.resolveDefined(ref, scope);
            if (thrown == null) {
                continue;
            }
            if (!(thrown.definition() instanceof ExceptionDef)) {
                diagnostics.error(ref.location(), "'" + ref.name() + "' is not an exception");
            } else if (!listed.add(thrown)) {
                diagnostics.error(ref.location(), "exception '" + ref.name()
                        + "' is listed twice in the throws clause of '" + op.name() + "'");
            }
        }
    }
}
