package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.ClassDef;
import io.floe.slice.parse.DataMember;
import io.floe.slice.parse.ExceptionDef;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.StructDef;
import io.floe.slice.parse.TypeRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Data members of structs, exceptions and classes, and the inheritance of the latter two. */
final class MemberRules {
    private final TypeRules typeRules;
    private final ConstantReferences constants;
    private final Diagnostics diagnostics;
    private final OptionalRule optionals;

    MemberRules(TypeRules typeRules, ConstantReferences constants, Diagnostics diagnostics) {
        this.typeRules = typeRules;
        this.constants = constants;
        this.diagnostics = diagnostics;
        this.optionals = new OptionalRule(diagnostics);
    }

    void struct(StructDef struct, Symbol symbol, String scope) {
        if (struct.members().isEmpty()) {
            diagnostics.error(struct.location(), "struct '" + struct.name()
                    + "' must have at least one member");
        }
        introductions().enter(struct);
        members(struct.members(), symbol, scope, Map.of(), "struct");
        introductions().leave();
        optionals.struct(struct);
    }

    void exception(ExceptionDef exception, Symbol symbol, String scope) {
        Symbol base = null;
        if (exception.base() != null) {
            base = typeRules.resolveDefined(exception.base(), scope);
            if (base != null && !(base.definition() instanceof ExceptionDef)) {
                error(exception.base(), "'" + exception.base().name() + "' is not an exception");
                base = null;
            } else if (base == symbol) {
                error(exception.base(), "exception '" + exception.name() + "' cannot extend itself");
                base = null;
            }
        }
        Map<String, Inherited> inherited = new HashMap<>();
        Set<Symbol> seen = new HashSet<>();
        for (Symbol s = base; s != null && seen.add(s); ) {
            ExceptionDef def = (ExceptionDef) s.definition();
            for (DataMember member : def.members()) {
                inherited.putIfAbsent(SymbolTable.fold(member.name()),
                        new Inherited(member.name(), s.scopedName()));
            }
            Type next = def.base() == null ? null : typeRules.types().get(def.base());
            s = next instanceof Named named && named.symbol().definition() instanceof ExceptionDef
                    ? named.symbol() : null;
        }
        introductions().enter(exception);
        members(exception.members(), symbol, scope, inherited, "exception");
        introductions().leave();
        optionals.members(exception.members());
    }

    void classDef(ClassDef classDef, Symbol symbol, String scope) {
        Map<String, Inherited> inherited = new HashMap<>();
        if (classDef.base() != null) {
            Symbol base = typeRules.resolveDefined(classDef.base(), scope);
            if (base != null && !(base.definition() instanceof ClassDef)) {
                error(classDef.base(), "'" + classDef.base().name() + "' is not a class");
            } else if (base == symbol) {
                error(classDef.base(), "class '" + classDef.name() + "' cannot extend itself");
            } else if (base != null) {
                collectClassMembers(base, inherited, new HashSet<>());
            }
        }
        for (TypeRef ref : classDef.implemented()) {
            Symbol implemented = typeRules.resolveDefined(ref, scope);
            if (implemented != null && !(implemented.definition() instanceof InterfaceDef)) {
                error(ref, "'" + ref.name() + "' is not an interface");
            }
        }
        introductions().enter(classDef);
        members(classDef.members(), symbol, scope, inherited, "class");
        introductions().leave();
        optionals.members(classDef.members());
    }

    /** A data member of a base, by its name as written and the base's scoped name. */
    record Inherited(String name, String owner) {
    }

    /** The data members of a class and its bases, by lower-case name. */
    Map<String, Inherited> classMembers(Symbol s) {
        Map<String, Inherited> members = new HashMap<>();
        collectClassMembers(s, members, new HashSet<>());
        return members;
    }

    private void collectClassMembers(Symbol s, Map<String, Inherited> into, Set<Symbol> seen) {
        if (!seen.add(s) || !(s.definition() instanceof ClassDef def)) {
            return;
        }
        for (DataMember member : def.members()) {
            into.putIfAbsent(SymbolTable.fold(member.name()),
                    new Inherited(member.name(), s.scopedName()));
        }
        Type base = def.base() == null ? null : typeRules.types().get(def.base());
        if (base instanceof Named named) {
            collectClassMembers(named.symbol(), into, seen);
        }
    }

    private void members(List<DataMember> members, Symbol owner, String scope,
                         Map<String, Inherited> inherited, String ownerKind) {
        Map<String, String> names = new HashMap<>();
        for (DataMember member : members) {
            String folded = SymbolTable.fold(member.name());
            String same = names.putIfAbsent(folded, member.name());
            Inherited base = inherited.get(folded);
            if (same != null && same.equals(member.name())) {
                diagnostics.error(member.location(), "redefinition of data member '"
                        + member.name() + "'");
            } else if (same != null) {
                diagnostics.error(member.location(), "data member '" + member.name()
                        + "' differs only in capitalization from data member '" + same + "'");
            } else if (base != null && base.name().equals(member.name())) {
                diagnostics.error(member.location(), "data member '" + member.name()
                        + "' is already defined in base " + ownerKind + " '" + base.owner() + "'");
            } else if (base != null) {
                diagnostics.error(member.location(), "data member '" + member.name()
                        + "' differs only in capitalization from data member '" + base.name()
                        + "', which is defined in base " + ownerKind + " '" + base.owner() + "'");
            }
            Type type = typeRules.resolve(member.type(), scope);
            introductions().member(member.name());
            if (type instanceof Named named && named.symbol() == owner && ownerKind.equals("struct")) {
                error(member.type(), "struct '" + owner.definition().name() + "' cannot contain itself");
            }
            if (type != null && member.defaultValue() != null) {
                String what = "data member '" + member.name() + "'";
                if (ConstantRule.allowsLiteral(type)) {
                    ConstantRule.check(type, constants.resolve(member.defaultValue(), scope), what,
                            diagnostics);
                } else {
                    diagnostics.error(member.defaultValue().location(), what + " of type "
                            + type.sliceName() + " cannot have a default value");
                }
            }
        }
    }

    private Introductions introductions() {
        return typeRules.introductions();
    }

    private void error(TypeRef ref, String message) {
        diagnostics.error(ref.location(), message);
    }
}
