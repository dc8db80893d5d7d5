package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.ClassDef;
import io.floe.slice.parse.ExceptionDef;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.Operation;
import io.floe.slice.parse.Parameter;
import io.floe.slice.parse.TypeRef;
import java.util.ArrayList;
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
        Map<String, Prior> inherited = new HashMap<>();
        List<Symbol> bases = new ArrayList<>();
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
                bases.add(base);
                collectOperations(base, inherited, new HashSet<>());
            }
        }
        unrelatedBases(def, bases);
        introductions().enter(def);
        operations(def.operations(), scope, new HashMap<>(), inherited, def.name(), "interface");
        introductions().leave();
    }

    /**
     * The operations of a class, which must not be named like its data members or those of its
     * bases ({@code members}: by lower-case name).
     */
    void classOperations(ClassDef def, Symbol symbol, String scope,
                         Map<String, MemberRules.Inherited> members) {
        Map<String, Prior> own = new HashMap<>();
        Map<String, Prior> inherited = new HashMap<>();
        members.forEach((folded, member) -> {
            Prior prior = new Prior("data member", member.name(), member.owner());
            if (member.owner().equals(symbol.scopedName())) {
                own.putIfAbsent(folded, prior);
            } else {
                inherited.putIfAbsent(folded, prior);
            }
        });
        introductions().enter(def);
        operations(def.operations(), scope, own, inherited, def.name(), "class");
        introductions().leave();
    }

    /** An operation or data member met before, with the scoped name of its interface or class. */
    private record Prior(String kind, String name, String owner) {
    }

    private void collectOperations(Symbol s, Map<String, Prior> into, Set<Symbol> seen) {
        if (!seen.add(s) || !(s.definition() instanceof InterfaceDef def)) {
            return;
        }
        for (Operation op : def.operations()) {
            into.putIfAbsent(SymbolTable.fold(op.name()),
                    new Prior("operation", op.name(), s.scopedName()));
        }
        for (Symbol base : directBases(def)) {
            collectOperations(base, into, seen);
        }
    }

    private List<Symbol> directBases(InterfaceDef def) {
        List<Symbol> bases = new ArrayList<>();
        for (TypeRef ref : def.bases()) {
            if (typeRules.types().get(ref) instanceof Named named
                    && named.symbol().definition() instanceof InterfaceDef) {
                bases.add(named.symbol());
            }
        }
        return bases;
    }

    /**
     * Slice's rule against ambiguous multiple inheritance: the bases are split into paths
     * through the inheritance graph, each interface on one path only (so a common base shared
     * by two bases is no ambiguity); two paths must not define operations of the same name,
     * ignoring case.
     */
    private void unrelatedBases(InterfaceDef def, List<Symbol> bases) {
        if (bases.size() < 2) {
            return;
        }
        List<List<Symbol>> partitions = new ArrayList<>();
        for (Symbol base : bases) {
            List<Symbol> partition = new ArrayList<>();
            partitions.add(partition);
            addPartition(partitions, partition, base);
        }
        List<List<String>> names = new ArrayList<>();
        for (List<Symbol> partition : partitions) {
            names.add(partition.stream()
                    .flatMap(s -> ((InterfaceDef) s.definition()).operations().stream())
                    .map(Operation::name).toList());
        }
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                for (String a : names.get(i)) {
                    for (String b : names.get(j)) {
                        if (a.equals(b) && !reported.contains(a)) {
                            diagnostics.error(def.location(), "ambiguous multiple inheritance: '"
                                    + def.name() + "' inherits operation '" + a
                                    + "' from two or more unrelated base interfaces");
                            reported.add(a);
                        } else if (!a.equals(b) && a.equalsIgnoreCase(b) && !reported.contains(a)
                                && !reported.contains(b)) {
                            diagnostics.error(def.location(), "ambiguous multiple inheritance: '"
                                    + def.name() + "' inherits operations '" + a + "' and '" + b
                                    + "', which differ only in capitalization, from unrelated"
                                    + " base interfaces");
                            reported.add(a);
                            reported.add(b);
                        }
                    }
                }
            }
        }
    }

    private void addPartition(List<List<Symbol>> partitions, List<Symbol> tail, Symbol base) {
        if (partitions.stream().anyMatch(p -> p.contains(base))) {
            return;
        }
        tail.add(base);
        List<Symbol> grandBases = directBases((InterfaceDef) base.definition());
        if (!grandBases.isEmpty()) {
            addPartition(partitions, tail, grandBases.get(0));
        }
        for (Symbol grandBase : grandBases.subList(Math.min(1, grandBases.size()), grandBases.size())) {
            List<Symbol> partition = new ArrayList<>();
            partitions.add(partition);
            addPartition(partitions, partition, grandBase);
        }
    }

    private void operations(List<Operation> operations, String scope, Map<String, Prior> own,
                            Map<String, Prior> inherited, String ownerName, String ownerKind) {
        for (Operation op : operations) {
            boolean fresh = operationName(op, own, inherited, ownerName, ownerKind);
            if (fresh) {
                own.put(SymbolTable.fold(op.name()), new Prior("operation", op.name(), ownerName));
            }
            if (op.returnType() != null) {
                typeRules.resolve(op.returnType(), scope);
            }
            if (fresh) {
                introductions().operation(op);
            }
            introductions().enter(op);
            parameters(op, scope);
            introductions().leave();
            new OptionalRule(diagnostics).operation(op);
            throwsClause(op, scope);
        }
    }

    /** Checks the name of an operation; true when it is new in its interface or class. */
    private boolean operationName(Operation op, Map<String, Prior> own, Map<String, Prior> inherited,
                                  String ownerName, String ownerKind) {
        String name = op.name();
        Prior same = own.get(SymbolTable.fold(name));
        if (same != null) {
            if (!same.name().equals(name)) {
                diagnostics.error(op.location(), "operation '" + name + "' differs only in"
                        + " capitalization from " + same.kind() + " '" + same.name() + "'");
            } else if (same.kind().equals("operation")) {
                diagnostics.error(op.location(), "redefinition of operation '" + name + "'");
            } else {
                diagnostics.error(op.location(), "redefinition of " + same.kind() + " '" + name
                        + "' as operation '" + name + "'");
            }
            return false;
        }
        if (name.equals(ownerName)) {
            diagnostics.error(op.location(), ownerKind + " name '" + name
                    + "' cannot be used as operation name");
            return false;
        }
        if (name.equalsIgnoreCase(ownerName)) {
            diagnostics.error(op.location(), "operation '" + name + "' differs only in"
                    + " capitalization from enclosing " + ownerKind + " name '" + ownerName + "'");
        }
        Prior base = inherited.get(SymbolTable.fold(name));
        if (base != null && base.name().equals(name)) {
            diagnostics.error(op.location(), base.kind().equals("operation")
                    ? "operation '" + name + "' is already defined in base " + ownerKind + " '"
                            + base.owner() + "'"
                    : "operation '" + name + "' is already defined as a " + base.kind()
                            + " in base " + ownerKind + " '" + base.owner() + "'");
            return false;
        }
        if (base != null) {
            diagnostics.error(op.location(), "operation '" + name + "' differs only in"
                    + " capitalization from " + base.kind() + " '" + base.name()
                    + "', which is defined in base " + ownerKind + " '" + base.owner() + "'");
        }
        return true;
    }

    private void parameters(Operation op, String scope) {
        Map<String, String> names = new HashMap<>();
        boolean sawOut = false;
        for (Parameter parameter : op.parameters()) {
            String same = names.putIfAbsent(SymbolTable.fold(parameter.name()), parameter.name());
            if (same != null && same.equals(parameter.name())) {
                diagnostics.error(parameter.location(), "redefinition of parameter '"
                        + parameter.name() + "'");
            } else if (same != null) {
                diagnostics.error(parameter.location(), "parameter '" + parameter.name()
                        + "' differs only in capitalization from parameter '" + same + "'");
            }
            if (sawOut && !parameter.out()) {
                diagnostics.error(parameter.location(), "in parameter '" + parameter.name()
                        + "' follows an out parameter");
            }
            sawOut |= parameter.out();
            typeRules.resolve(parameter.type(), scope);
            introductions().member(parameter.name());
        }
    }

    private Introductions introductions() {
        return typeRules.introductions();
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
