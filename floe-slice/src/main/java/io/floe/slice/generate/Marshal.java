package io.floe.slice.generate;

import io.floe.slice.check.Builtin;
import io.floe.slice.check.Named;
import io.floe.slice.check.ProxyType;
import io.floe.slice.check.Type;
import io.floe.slice.parse.DataMember;
import io.floe.slice.parse.Definition;
import io.floe.slice.parse.StructDef;

/**
 * The code that writes a value to {@code out} or reads one from {@code in}: the stream's own
 * methods for builtins, {@code ice_write}/{@code ice_read} for structs and enums, and the
 * Helper classes for sequences and dictionaries.
 */
final class Marshal {
    private final TypeMapper types;

    Marshal(TypeMapper types) {
        this.types = types;
    }

    /** A statement writing {@code value}, with its semicolon. */
    String write(Type type, String value, JavaWriter w) {
        if (TypeMapper.isClass(type)) {
            return "out.writeValue(" + value + ");";
        }
        if (type instanceof Builtin builtin) {
            if (builtin == Builtin.OBJECT_PROXY) {
                return "out.writeProxy(" + value + ");";
            }
            return "out.write" + streamSuffix(builtin) + "(" + value + ");";
        }
        if (type instanceof ProxyType) {
            return "out.writeProxy(" + value + ");";
        }
        Named named = (Named) type;
        if (TypeMapper.isSequence(type) || isDictionary(type)) {
            return helper(named, w) + ".write(out, " + value + ");";
        }
        return value + ".ice_write(out);";
    }

    /**
     * A statement reading one value into {@code target} (a field, an array element or a local
     * that no lambda captures): {@code target = read;}, or for a class reference
     * {@code in.readValue(_v -> target = _v, C.class);} since the instance may come later.
     */
    String readInto(Type type, String target, JavaWriter w) {
        if (TypeMapper.isClass(type)) {
            return "in.readValue(_v -> " + target + " = _v, " + types.classLiteral(type, w) + ");";
        }
        return target + " = " + read(type, w) + ";";
    }

    /** An expression reading one value; not for classes (see {@link #readInto}). */
    String read(Type type, JavaWriter w) {
        if (TypeMapper.isClass(type)) {
            throw new IllegalStateException("a class reference is read with readInto: " + type.sliceName());
        }
        if (type instanceof Builtin builtin) {
            if (builtin == Builtin.OBJECT_PROXY) {
                return "in.readProxy()";
            }
            return "in.read" + streamSuffix(builtin) + "()";
        }
        if (type instanceof ProxyType) {
            return types.javaType(type, w) + ".uncheckedCast(in.readProxy())";
        }
        Named named = (Named) type;
        if (TypeMapper.isSequence(type) || isDictionary(type)) {
            return helper(named, w) + ".read(in)";
        }
        return types.javaType(type, w) + ".ice_read(in)";
    }

    /**
     * The decoder for one value: a method reference where the read is a static call of
     * {@code in} alone ({@code GridHelper::read}), otherwise a lambda.
     */
    String decoder(Type type, JavaWriter w) {
        String read = read(type, w);
        if (read.endsWith(".read(in)") || read.endsWith(".ice_read(in)")) {
            int dot = read.lastIndexOf('.');
            return read.substring(0, dot) + "::" + read.substring(dot + 1, read.length() - 4);
        }
        return "in -> " + read;
    }

    /** The smallest encoding of one value, for readAndCheckSeqSize (mapping.md). */
    int minSize(Type type) {
        if (type instanceof Builtin builtin) {
            return switch (builtin) {
                case SHORT -> 2;
                case INT, FLOAT -> 4;
                case LONG, DOUBLE -> 8;
                default -> 1;
            };
        }
        Definition definition = TypeMapper.definition(type);
        if (definition instanceof StructDef struct) {
            int size = 0;
            for (DataMember member : struct.members()) {
                size += minSize(types.checked().type(member.type()));
            }
            return size;
        }
        return 1;
    }

    /**
     * The encoded size of a value of a fixed-size type (ice-protocol.md §3.15), or -1 for a
     * variable-size one: strings, enums, proxies, classes, sequences and dictionaries, and
     * structs holding any of them.
     */
    int fixedSize(Type type) {
        if (type instanceof Builtin builtin) {
            return switch (builtin) {
                case BOOL, BYTE -> 1;
                case SHORT -> 2;
                case INT, FLOAT -> 4;
                case LONG, DOUBLE -> 8;
                default -> -1;
            };
        }
        if (TypeMapper.definition(type) instanceof StructDef struct) {
            int size = 0;
            for (DataMember member : struct.members()) {
                int memberSize = fixedSize(types.checked().type(member.type()));
                if (memberSize < 0) {
                    return -1;
                }
                size += memberSize;
            }
            return size;
        }
        return -1;
    }

    TypeMapper types() {
        return types;
    }

    /** True for the builtins the stream reads and writes as whole sequences. */
    static boolean hasStreamSequence(Type type) {
        return type instanceof Builtin builtin && (builtin.isPrimitive() || builtin == Builtin.STRING);
    }

    static String streamSuffix(Builtin builtin) {
        String name = builtin.sliceName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private String helper(Named named, JavaWriter w) {
        return w.use(types.qualified(named.symbol()) + "Helper");
    }

    static boolean isDictionary(Type type) {
        return TypeMapper.definition(type) instanceof io.floe.slice.parse.DictionaryDef;
    }
}
