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
        members(struct.members(), symbol, scope, Map.of(), "struct");
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
        Map<String, String> inherited = new HashMap<>();
        Set<Symbol> seen = new HashSet<>();
        for (Symbol s = base; s != null && seen.add(s); ) {
            ExceptionDef def = (ExceptionDef) s.definition();
            for (DataMember member : def.members()) {
                inherited.putIfAbsent(member.name(), s.scopedName());
            }
            Type next = def.base() == null ? null : typeRules.types().get(def.base());
            s = next instanceof Named named && named.symbol().definition() instanceof ExceptionDef
                    ? named.symbol() : null;
        }
        members(exception.members(), symbol, scope, inherited, "exception");
        optionals.members(exception.members());
    }

    void classDef(ClassDef classDef, Symbol symbol, String scope) {
        Map<String, String> inherited = new HashMap<>();
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
        members(classDef.members(), symbol, scope, inherited, "class");
        optionals.members(classDef.members());
    }

    private void collectClassMembers(Symbol s, Map<String, String> into, Set<Symbol> seen) {
        if (!seen.add(s) || !(s.definition() instanceof ClassDef def)) {
            return;
        }
        for (DataMember member : def.members()) {
            into.putIfAbsent(member.name(), s.scopedName());
        }
        Type base = def.base() == null ? null : typeRules.types().get(def.base());
        if (base instanceof Named named) {
            collectClassMembers(named.symbol(), into, seen);
        }
    }

    private void members(List<DataMember> members, Symbol owner, String scope,
                         Map<String, String> inherited, String ownerKind) {
        Set<String> names = new HashSet<>();
        for (DataMember member : members) {
            if (!names.add(member.name())) {
                diagnostics.error(member.location(), "redefinition of data member '"
                        + member.name() + "'");
            } else if (inherited.containsKey(member.name())) {
                diagnostics.error(member.location(), "data member '" + member.name()
                        + "' is already defined in base " + ownerKind + " '"
                        + inherited.get(member.name()) + "'");
            }
            Type type = typeRules.resolve(member.type(), scope);
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

    private void error(TypeRef ref, String message) {
        diagnostics.error(ref.location(), message);
    }
}
