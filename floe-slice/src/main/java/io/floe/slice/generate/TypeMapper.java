package io.floe.slice.generate;

import io.floe.slice.check.Builtin;
import io.floe.slice.check.CheckedUnit;
import io.floe.slice.check.Named;
import io.floe.slice.check.ProxyType;
import io.floe.slice.check.Symbol;
import io.floe.slice.check.Type;
import io.floe.slice.parse.ClassDef;
import io.floe.slice.parse.ConstValue;
import io.floe.slice.parse.Definition;
import io.floe.slice.parse.DictionaryDef;
import io.floe.slice.parse.EnumDef;
import io.floe.slice.parse.ForwardDecl;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.Metadata;
import io.floe.slice.parse.SequenceDef;
import io.floe.slice.parse.StructDef;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Java names, types, default values and literals for Slice types (mapping.md). */
final class TypeMapper {
    private static final String PACKAGE_METADATA = "java:package:";

    private final CheckedUnit checked;

    TypeMapper(CheckedUnit checked) {
        this.checked = checked;
    }

    CheckedUnit checked() {
        return checked;
    }

    /** The Java package of a Slice scope ({@code ::A::B}) in a file: {@code [prefix.]A.B}. */
    String packageOf(String scope, String file) {
        String modules = Arrays.stream(scope.substring(2).split("::")).map(Names::escape)
                .collect(Collectors.joining("."));
        String prefix = checked.unit().fileMetadata(file).stream().map(Metadata::text)
                .filter(t -> t.startsWith(PACKAGE_METADATA))
                .map(t -> t.substring(PACKAGE_METADATA.length())).findFirst().orElse(null);
        return prefix == null ? modules : prefix + "." + modules;
    }

    String packageOf(Symbol symbol) {
        return packageOf(symbol.scope(), symbol.definition().location().file());
    }

    /** The fully qualified Java name of the type a symbol defines. */
    String qualified(Symbol symbol) {
        return packageOf(symbol) + "." + Names.escape(symbol.definition().name());
    }

    String javaType(Type type, JavaWriter w) {
        if (type instanceof Builtin builtin) {
            return switch (builtin) {
                case BOOL -> "boolean";
                case STRING -> "String";
                case OBJECT_PROXY -> w.use("io.floe.ObjectPrx");
                case OBJECT, VALUE -> w.use("io.floe.Value");
                case LOCAL_OBJECT -> "Object";
                default -> builtin.sliceName();
            };
        }
        if (type instanceof ProxyType proxy) {
            return w.use(qualified(proxy.symbol()) + "Prx");
        }
        Symbol symbol = ((Named) type).symbol();
        Definition definition = symbol.definition();
        if (definition instanceof SequenceDef sequence) {
            String element = javaType(checked.type(sequence.element()), w);
            return JavaTypeMetadata.of(sequence.metadata()) == null ? element + "[]"
                    : w.use("java.util.List") + "<" + boxed(checked.type(sequence.element()), w) + ">";
        }
        if (definition instanceof DictionaryDef dictionary) {
            return w.use("java.util.Map") + "<" + boxed(checked.type(dictionary.key()), w) + ", "
                    + boxed(checked.type(dictionary.value()), w) + ">";
        }
        if (isInterfaceByValue(definition)) {
            return w.use("io.floe.Value"); // an interface by value is any class instance, as in Ice 3.7
        }
        return w.use(qualified(symbol));
    }

    /** The Java type of an optional value: OptionalInt, OptionalLong, OptionalDouble or Optional. */
    String optionalType(Type type, JavaWriter w) {
        if (type == Builtin.INT) {
            return w.use("java.util.OptionalInt");
        }
        if (type == Builtin.LONG) {
            return w.use("java.util.OptionalLong");
        }
        if (type == Builtin.DOUBLE) {
            return w.use("java.util.OptionalDouble");
        }
        return w.use("java.util.Optional") + "<" + boxed(type, w) + ">";
    }

    /** {@code get}, {@code getAsInt}...: what takes the value out of {@link #optionalType}. */
    static String optionalGetter(Type type) {
        if (type == Builtin.INT) {
            return "getAsInt";
        }
        if (type == Builtin.LONG) {
            return "getAsLong";
        }
        return type == Builtin.DOUBLE ? "getAsDouble" : "get";
    }

    /** Classes, Object/Value and interfaces by value: encoded as class references. */
    static boolean isClass(Type type) {
        if (type instanceof Builtin builtin) {
            return builtin.isClass();
        }
        Definition definition = definition(type);
        return definition instanceof ClassDef || definition instanceof ForwardDecl f && !f.isInterface()
                || isInterfaceByValue(definition);
    }

    private static boolean isInterfaceByValue(Definition definition) {
        return definition instanceof InterfaceDef || definition instanceof ForwardDecl f && f.isInterface();
    }

    /** {@code Base.class}: the class literal readValue checks instances against. */
    String classLiteral(Type type, JavaWriter w) {
        return javaType(type, w) + ".class";
    }

    /** The type as a type argument: primitives boxed. */
    String boxed(Type type, JavaWriter w) {
        if (type instanceof Builtin builtin) {
            switch (builtin) {
                case BOOL: return "Boolean";
                case BYTE: return "Byte";
                case SHORT: return "Short";
                case INT: return "Integer";
                case LONG: return "Long";
                case FLOAT: return "Float";
                case DOUBLE: return "Double";
                default: break;
            }
        }
        return javaType(type, w);
    }

    /** The definition behind a named type, or null for builtins and proxies. */
    static Definition definition(Type type) {
        return type instanceof Named named ? named.symbol().definition() : null;
    }

    static boolean isSequence(Type type) {
        return definition(type) instanceof SequenceDef;
    }

    /** A sequence mapped to a Java array (no java:type metadata). */
    static boolean isArray(Type type) {
        return definition(type) instanceof SequenceDef sequence
                && JavaTypeMetadata.of(sequence.metadata()) == null;
    }

    /** An array whose elements are arrays too: compared with deepEquals. */
    boolean isNestedSequence(Type type) {
        return isArray(type) && isArray(checked.type(((SequenceDef) definition(type)).element()));
    }

    /**
     * The initial value of a field as Ice for Java sets it: strings empty, enums their first
     * enumerator, structs a new instance; null when Java's default is the one.
     */
    String initialValue(Type type, JavaWriter w) {
        if (type == Builtin.STRING) {
            return "\"\"";
        }
        Definition definition = definition(type);
        if (definition instanceof EnumDef enumDef) {
            return javaType(type, w) + "." + Names.escape(enumDef.enumerators().get(0).name());
        }
        if (definition instanceof StructDef) {
            return "new " + javaType(type, w) + "()";
        }
        return null;
    }

    /** The Java literal of a checked constant value of {@code type}. */
    String literal(Type type, ConstValue initializer, JavaWriter w) {
        ConstValue value = checked.literal(initializer);
        if (type instanceof Named) {
            String simple = value.text().substring(value.text().lastIndexOf(':') + 1);
            return javaType(type, w) + "." + Names.escape(simple);
        }
        Builtin builtin = (Builtin) type;
        return switch (builtin) {
            case BOOL -> value.text();
            case STRING -> Names.quote(value.text());
            case BYTE -> "(byte) " + integer(value);
            case SHORT -> "(short) " + integer(value);
            case INT -> integer(value).toString();
            case LONG -> integer(value) + "L";
            case FLOAT -> number(value) + "F";
            case DOUBLE -> number(value) + "D";
            default -> throw new IllegalStateException("no literal of type " + builtin);
        };
    }

    private static BigInteger integer(ConstValue value) {
        String s = value.text().replaceAll("[lLuU]+$", "");
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        BigInteger n = s.startsWith("0x") || s.startsWith("0X") ? new BigInteger(s.substring(2), 16)
                : s.length() > 1 && s.startsWith("0") ? new BigInteger(s.substring(1), 8)
                : new BigInteger(s);
        n = negative ? n.negate() : n;
        // Slice bytes 128..255 are the same bits as Java's negative bytes.
        return n;
    }

    private static String number(ConstValue value) {
        if (value.kind() == ConstValue.Kind.INTEGER) {
            return integer(value).toString();
        }
        String s = value.text().replaceAll("[fF]$", "");
        return s.startsWith("+") ? s.substring(1) : s;
    }
}
