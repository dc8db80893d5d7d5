package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.ConstValue;
import io.floe.slice.parse.EnumDef;
import io.floe.slice.parse.Enumerator;
import java.math.BigInteger;

/** Checks that a constant's or default value's literal fits its type. */
final class ConstantRule {
    private ConstantRule() {
    }

    /** Bool, integral, floating-point, string and enum types may have literals. */
    static boolean allowsLiteral(Type type) {
        return type instanceof Builtin b ? b.isPrimitive() || b == Builtin.STRING
                : type instanceof Named n && n.symbol().definition() instanceof EnumDef;
    }

    /** {@code what} names the holder in messages: "constant 'N'", "data member 'a'". */
    static void check(Type type, ConstValue value, String what, Diagnostics diagnostics) {
        String problem = problem(type, value);
        if (problem != null) {
            diagnostics.error(value.location(), what + " " + problem);
        }
    }

    private static String problem(Type type, ConstValue value) {
        if (type instanceof Named named && named.symbol().definition() instanceof EnumDef enumDef) {
            if (value.kind() == ConstValue.Kind.NAME && enumerator(enumDef, value.text()) != null) {
                return null;
            }
            return "has initializer " + shown(value) + " (expected: an enumerator of "
                    + named.sliceName() + ")";
        }
        Builtin builtin = (Builtin) type;
        return switch (builtin) {
            case BOOL -> value.kind() == ConstValue.Kind.BOOLEAN ? null
                    : "has initializer " + shown(value) + " (expected: true or false)";
            case STRING -> value.kind() == ConstValue.Kind.STRING ? null
                    : "has initializer " + shown(value) + " (expected: a string)";
            case FLOAT, DOUBLE -> value.kind() == ConstValue.Kind.INTEGER
                    || value.kind() == ConstValue.Kind.FLOAT ? null
                    : "has initializer " + shown(value) + " (expected: a number)";
            default -> integral(builtin, value);
        };
    }

    private static String integral(Builtin builtin, ConstValue value) {
        if (value.kind() != ConstValue.Kind.INTEGER) {
            return "has initializer " + shown(value) + " (expected: an integer)";
        }
        BigInteger number = parseInteger(value.text());
        long min = switch (builtin) {
            case BYTE -> Byte.MIN_VALUE;
            case SHORT -> Short.MIN_VALUE;
            case INT -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        long max = switch (builtin) {
            case BYTE -> 255; // Slice bytes are written 0 to 255; Java sees them signed
            case SHORT -> Short.MAX_VALUE;
            case INT -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        if (number == null || number.compareTo(BigInteger.valueOf(min)) < 0
                || number.compareTo(BigInteger.valueOf(max)) > 0) {
            return "has initializer " + value.text() + ", out of range for " + builtin.sliceName()
                    + " (expected: " + min + " to " + max + ")";
        }
        return null;
    }

    /** The value of an integer literal (decimal, 0x hex or 0 octal, signed), or null. */
    static BigInteger parseInteger(String text) {
        String s = text.replaceAll("[lLuU]+$", "");
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        try {
            BigInteger value;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                value = new BigInteger(s.substring(2), 16);
            } else if (s.length() > 1 && s.startsWith("0")) {
                value = new BigInteger(s.substring(1), 8);
            } else {
                value = new BigInteger(s);
            }
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The enumerator a (possibly scoped) name designates in {@code enumDef}, or null. */
    static Enumerator enumerator(EnumDef enumDef, String name) {
        String simple = name.substring(name.lastIndexOf(':') + 1);
        return enumDef.enumerators().stream().filter(e -> e.name().equals(simple)).findFirst()
                .orElse(null);
    }

    private static String shown(ConstValue value) {
        return value.kind() == ConstValue.Kind.STRING ? "\"" + value.text() + "\"" : value.text();
    }
}
