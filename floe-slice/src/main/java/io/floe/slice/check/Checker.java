package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.ClassDef;
import io.floe.slice.parse.ConstDef;
import io.floe.slice.parse.Definition;
import io.floe.slice.parse.DictionaryDef;
import io.floe.slice.parse.EnumDef;
import io.floe.slice.parse.ExceptionDef;
import io.floe.slice.parse.ForwardDecl;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.Module;
import io.floe.slice.parse.SequenceDef;
import io.floe.slice.parse.SliceUnit;
import io.floe.slice.parse.StructDef;
import io.floe.slice.parse.TypeRef;
import io.floe.slice.parse.ConstValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves names and checks a unit in one pass in source order, so that, as in Slice, a type
 * must be declared before it is used. Reports every error it finds.
 */
public final class Checker {
    private final Diagnostics diagnostics;
    private final SymbolTable table = new SymbolTable();
    private final IdentityHashMap<TypeRef, Type> types = new IdentityHashMap<>();
    private final TypeRules typeRules;
    private final MemberRules memberRules;
    private final ConstantReferences constants = new ConstantReferences(table);
    private final Map<Integer, Symbol> compactIds = new HashMap<>();
    private final Introductions introductions;
    /** The module openings enclosing the definitions being checked, innermost first. */
    private final Deque<Module> openModules = new ArrayDeque<>();

    private Checker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.introductions = new Introductions(table, diagnostics);
        this.typeRules = new TypeRules(table, types, diagnostics, introductions);
        this.memberRules = new MemberRules(typeRules, constants, diagnostics);
    }

    /** Checks the unit; the result is only meaningful when no error was reported. */
    public static CheckedUnit check(SliceUnit unit, Diagnostics diagnostics) {
        Checker checker = new Checker(diagnostics);
        checker.definitions(unit.definitions(), "");
        CheckedUnit checked = new CheckedUnit(unit, checker.table, checker.types,
                checker.constants.literals());
        SupportRule.check(checked, diagnostics);
        return checked;
    }

    private void definitions(List<Definition> definitions, String scope) {
        for (Definition definition : definitions) {
            if (scope.isEmpty() && !(definition instanceof Module)) {
                diagnostics.error(definition.location(), definition.kindName() + " '"
                        + definition.name() + "' must be defined inside a module");
                continue;
            }
            definition(definition, scope);
        }
    }

    private void definition(Definition definition, String scope) {
        if (definition instanceof Module module) {
            module(module, scope);
        } else if (definition instanceof SequenceDef sequence) {
            typeRules.resolve(sequence.element(), scope);
            declare(definition, scope);
        } else if (definition instanceof DictionaryDef dictionary) {
            Type key = typeRules.resolve(dictionary.key(), scope);
            typeRules.resolve(dictionary.value(), scope);
            if (key != null && !DictionaryKeyRule.isLegalKey(key, types)) {
                diagnostics.error(dictionary.key().location(), "dictionary '" + dictionary.name()
                        + "' has illegal key type '" + key.sliceName() + "' (expected: bool, an "
                        + "integral type, string, an enum, or a struct of such members)");
            }
            declare(definition, scope);
        } else if (definition instanceof ConstDef constant) {
            constant(constant, scope);
            declare(definition, scope);
        } else if (definition instanceof EnumDef enumDef) {
            declare(definition, scope);
            EnumRule.check(enumDef, diagnostics);
        } else {
            Symbol symbol = declare(definition, scope);
            if (symbol != null) {
                body(definition, symbol, scope);
            }
        }
    }

    private void body(Definition definition, Symbol symbol, String scope) {
        if (definition instanceof StructDef struct) {
            memberRules.struct(struct, symbol, scope);
        } else if (definition instanceof ExceptionDef exception) {
            memberRules.exception(exception, symbol, scope);
        } else if (definition instanceof InterfaceDef interfaceDef) {
            new OperationRules(typeRules, diagnostics).interfaceDef(interfaceDef, symbol, scope);
        } else if (definition instanceof ClassDef classDef) {
            memberRules.classDef(classDef, symbol, scope);
            compactId(classDef, symbol);
            new OperationRules(typeRules, diagnostics).classOperations(classDef, symbol, scope,
                    memberRules.classMembers(symbol));
        }
    }

    private void module(Module module, String scope) {
        String scoped = scope + "::" + module.name();
        Symbol clash = table.getIgnoringCase(scoped);
        if (clash != null) {
            Definition old = clash.definition();
            diagnostics.error(module.location(), clash.scopedName().equals(scoped)
                    ? "redefinition of " + old.kindName() + " '" + module.name() + "' as a module"
                    : "module '" + module.name() + "' differs only in capitalization from "
                            + old.kindName() + " '" + old.name() + "' (first defined at "
                            + old.location() + ")");
            return;
        }
        String previous = table.moduleIgnoringCase(scoped);
        if (previous != null && !previous.equals(scoped)) {
            diagnostics.error(module.location(), "module '" + module.name()
                    + "' is capitalized inconsistently with its previous name: '"
                    + previous.substring(previous.lastIndexOf("::") + 2) + "'");
            return;
        }
        if (!nameIsLegal(module)) {
            return;
        }
        table.addModule(scoped, module);
        introductions.define(module.name(), SymbolTable.moduleMeaning(scoped), module.location());
        openModules.push(module);
        introductions.enter(module);
        definitions(module.definitions(), scoped);
        introductions.leave();
        openModules.pop();
    }

    /**
     * Slice's rule that a definition is not named like a module enclosing it, ignoring case;
     * false after an error.
     */
    private boolean nameIsLegal(Definition definition) {
        String kind = definition.kindName();
        String name = definition.name();
        boolean immediate = true;
        for (Module module : openModules) {
            String enclosing = module.name();
            if (immediate && name.equals(enclosing)) {
                error(definition, kind + " name '" + name + "' must differ from the name of its"
                        + " immediately enclosing module");
                return false;
            } else if (immediate && name.equalsIgnoreCase(enclosing)) {
                error(definition, kind + " name '" + name + "' cannot differ only in capitalization"
                        + " from its immediately enclosing module name '" + enclosing + "'");
                return false;
            } else if (name.equals(enclosing)) {
                error(definition, kind + " name '" + name + "' must differ from the name of"
                        + " enclosing module '" + enclosing + "' (first defined at "
                        + module.location() + ")");
                return false;
            } else if (name.equalsIgnoreCase(enclosing)) {
                error(definition, kind + " name '" + name + "' cannot differ only in"
                        + " capitalization from enclosing module '" + enclosing
                        + "' (first defined at " + module.location() + ")");
                return false;
            }
            immediate = false;
        }
        return true;
    }

    private void error(Definition definition, String message) {
        diagnostics.error(definition.location(), message);
    }

    private void constant(ConstDef constant, String scope) {
        Type type = typeRules.resolve(constant.type(), scope);
        if (type == null) {
            return;
        }
        if (!ConstantRule.allowsLiteral(type)) {
            diagnostics.error(constant.type().location(), "constant '" + constant.name()
                    + "' has type " + type.sliceName() + " (expected: bool, an integral or "
                    + "floating-point type, string or an enum)");
            return;
        }
        if (constant.value().kind() == ConstValue.Kind.NAME) {
            introductions.use(constant.value().text(), scope, constant.value().location());
        }
        ConstantRule.check(type, constants.resolve(constant.value(), scope),
                "constant '" + constant.name() + "'", diagnostics);
    }

    private void compactId(ClassDef classDef, Symbol symbol) {
        if (classDef.compactId() < 0) {
            return;
        }
        Symbol other = compactIds.putIfAbsent(classDef.compactId(), symbol);
        if (other != null && other != symbol) {
            diagnostics.error(classDef.location(), "compact id " + classDef.compactId() + " of class '"
                    + classDef.name() + "' is already used by class '" + other.scopedName() + "'");
        }
    }

    /**
     * Adds the name to its scope; null (after an error) when the name is taken, in any
     * capitalization: Slice compares names ignoring case.
     */
    private Symbol declare(Definition definition, String scope) {
        Symbol symbol = add(definition, scope);
        if (symbol != null) {
            nameIsLegal(definition);
            if (introduces(definition)) {
                introductions.define(definition.name(), symbol, definition.location());
            }
        }
        return symbol;
    }

    /**
     * True for what introduces its name in its scope when defined, as in slice2java: not
     * sequences, dictionaries, constants nor forward-declared classes.
     */
    private static boolean introduces(Definition definition) {
        return !(definition instanceof SequenceDef || definition instanceof DictionaryDef
                || definition instanceof ConstDef
                || definition instanceof ForwardDecl decl && !decl.isInterface());
    }

    private Symbol add(Definition definition, String scope) {
        String scoped = scope + "::" + definition.name();
        String module = table.moduleIgnoringCase(scoped);
        if (module != null) {
            String moduleName = module.substring(module.lastIndexOf("::") + 2);
            diagnostics.error(definition.location(), module.equals(scoped)
                    ? "redefinition of module '" + definition.name() + "' as "
                            + definition.kindName()
                    : definition.kindName() + " '" + definition.name()
                            + "' differs only in capitalization from module '" + moduleName + "'");
            return null;
        }
        Symbol existing = table.getIgnoringCase(scoped);
        if (existing == null) {
            return table.add(scoped, scope, definition);
        }
        Definition old = existing.definition();
        if (!existing.scopedName().equals(scoped)) {
            diagnostics.error(definition.location(), definition.kindName() + " '"
                    + definition.name() + "' differs only in capitalization from "
                    + old.kindName() + " '" + old.name() + "' (first defined at "
                    + old.location() + ")");
            return null;
        }
        boolean sameKind = old.kindName().equals(definition.kindName());
        if (sameKind && old instanceof ForwardDecl) {
            if (!(definition instanceof ForwardDecl)) {
                existing.define(definition);
            }
            return existing;
        }
        if (sameKind && definition instanceof ForwardDecl) {
            return existing;
        }
        diagnostics.error(definition.location(), "redefinition of " + old.kindName() + " '"
                + definition.name() + "'" + (sameKind ? "" : " as " + definition.kindName())
                + " (first defined at " + old.location() + ")");
        return null;
    }
}
