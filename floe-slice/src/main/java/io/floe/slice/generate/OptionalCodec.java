package io.floe.slice.generate;

import io.floe.slice.check.Builtin;
import io.floe.slice.check.ProxyType;
import io.floe.slice.check.Type;
import io.floe.slice.parse.DictionaryDef;
import io.floe.slice.parse.EnumDef;
import io.floe.slice.parse.SequenceDef;
import io.floe.slice.parse.StructDef;
import java.util.List;

/**
 * Optional values (ice-protocol.md §3.15): the format of a type, and what is written after the
 * tag marker and read once {@code readOptional} said the value is there: the VSize or FSize
 * prefix where the format has one, then the value.
 */
final class OptionalCodec {
    private final Marshal marshal;
    private final TypeMapper types;

    OptionalCodec(Marshal marshal) {
        this.marshal = marshal;
        this.types = marshal.types();
    }

    /** The OptionalFormat constant's name. */
    String format(Type type) {
        if (type instanceof Builtin builtin) {
            return switch (builtin) {
                case BOOL, BYTE -> "F1";
                case SHORT -> "F2";
                case INT, FLOAT -> "F4";
                case LONG, DOUBLE -> "F8";
                case STRING -> "VSIZE";
                case OBJECT_PROXY -> "FSIZE";
                default -> "CLASS";
            };
        }
        if (type instanceof ProxyType) {
            return "FSIZE";
        }
        if (TypeMapper.isClass(type)) {
            return "CLASS";
        }
        if (TypeMapper.definition(type) instanceof EnumDef) {
            return "SIZE";
        }
        if (TypeMapper.definition(type) instanceof StructDef) {
            return marshal.fixedSize(type) >= 0 ? "VSIZE" : "FSIZE";
        }
        return elementSize(type) >= 0 ? "VSIZE" : "FSIZE";
    }

    /** {@code OptionalFormat.F4}... */
    String formatConstant(Type type, JavaWriter w) {
        return w.use("io.floe.encoding.OptionalFormat") + "." + format(type);
    }

    /** The statements writing a present value after its marker. */
    List<String> write(Type type, String value, JavaWriter w) {
        String write = marshal.write(type, value, w);
        String format = format(type);
        if (format.equals("FSIZE")) {
            return List.of("int _pos = out.startSize();", write, "out.endSize(_pos);");
        }
        if (!format.equals("VSIZE") || type == Builtin.STRING) {
            return List.of(write);
        }
        if (TypeMapper.definition(type) instanceof StructDef) {
            return List.of("out.writeSize(" + marshal.fixedSize(type) + ");", write);
        }
        int elementSize = elementSize(type);
        if (elementSize == 1) {
            return List.of(write); // the count is the size
        }
        String count = value + (types.isArray(type) ? ".length" : ".size()");
        return List.of("out.writeSize(" + value + " == null ? 1 : " + count + " * " + elementSize
                + " + (" + count + " > 254 ? 5 : 1));", write);
    }

    /** The statements reading a present value into {@code target} (see Marshal.readInto). */
    List<String> read(Type type, String target, JavaWriter w) {
        String read = marshal.readInto(type, target, w);
        String prefix = skipPrefix(type);
        return prefix == null ? List.of(read) : List.of(prefix, read);
    }

    /** What skips the FSize or VSize prefix before a present value, or null when it has none. */
    String skipPrefix(Type type) {
        String format = format(type);
        if (format.equals("FSIZE")) {
            return "in.skip(4);";
        }
        boolean prefixed = format.equals("VSIZE") && type != Builtin.STRING
                && (TypeMapper.definition(type) instanceof StructDef || elementSize(type) > 1);
        return prefixed ? "in.readSize();" : null;
    }

    /**
     * The encoded size of one element of a sequence (a key plus a value for a dictionary) when
     * it is fixed, or -1.
     */
    private int elementSize(Type type) {
        if (TypeMapper.definition(type) instanceof SequenceDef sequence) {
            return marshal.fixedSize(types.checked().type(sequence.element()));
        }
        if (TypeMapper.definition(type) instanceof DictionaryDef dictionary) {
            int key = marshal.fixedSize(types.checked().type(dictionary.key()));
            int value = marshal.fixedSize(types.checked().type(dictionary.value()));
            return key < 0 || value < 0 ? -1 : key + value;
        }
        return -1;
    }
}
