package io.floe.slice.generate;

import java.util.Set;

/** Java spellings of Slice names. */
final class Names {
    // The runtime's ClassNameValueFactory escapes type ids with the same list: change both.
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break",
            "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double",
            "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record",
            "sealed", "permits", "non-sealed");

    /** Methods of Object: a member or operation with such a name is escaped too, as in Ice. */
    private static final Set<String> OBJECT_METHODS = Set.of("clone", "equals", "finalize",
            "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    /** Names the generated methods use for their own locals and parameters. */
    private static final Set<String> RESERVED_LOCALS = Set.of("in", "out", "request", "servant",
            "cb", "context", "current", "ret", "ex", "reply", "returnValue");

    private Names() {
    }

    /** A type, module or enumerator name: Java keywords get a {@code _} prefix. */
    static String escape(String name) {
        return KEYWORDS.contains(name) ? "_" + name : name;
    }

    /** A data member or operation name. */
    static String member(String name) {
        return KEYWORDS.contains(name) || OBJECT_METHODS.contains(name) ? "_" + name : name;
    }

    /** A parameter name, kept clear of the generated code's own locals. */
    static String parameter(String name) {
        return KEYWORDS.contains(name) || RESERVED_LOCALS.contains(name) ? "_" + name : name;
    }

    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A Java string literal for {@code value}; non-ASCII and control characters as escapes. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
