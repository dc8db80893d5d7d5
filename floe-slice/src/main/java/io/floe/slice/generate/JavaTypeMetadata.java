package io.floe.slice.generate;

import io.floe.slice.parse.Metadata;
import java.util.List;

/**
 * {@code ["java:type:Concrete[:Formal]"]} on a sequence or dictionary (or one use of it): the
 * concrete class that reading creates, and the formal type Java code sees ({@code java.util.List}
 * for sequences and {@code java.util.Map} for dictionaries when absent), as in Ice for Java.
 */
record JavaTypeMetadata(String concrete, String formal) {
    private static final String PREFIX = "java:type:";

    /** The metadata among {@code metadata}, or null. */
    static JavaTypeMetadata of(List<Metadata> metadata) {
        for (Metadata m : metadata) {
            if (m.text().startsWith(PREFIX)) {
                String rest = m.text().substring(PREFIX.length());
                int colon = topLevelColon(rest);
                return colon < 0 ? new JavaTypeMetadata(rest.strip(), null)
                        : new JavaTypeMetadata(rest.substring(0, colon).strip(),
                                rest.substring(colon + 1).strip());
            }
        }
        return null;
    }

    /** The concrete class without type arguments, for {@code new C<>()}. */
    String rawConcrete() {
        int generic = concrete.indexOf('<');
        return generic < 0 ? concrete : concrete.substring(0, generic).strip();
    }

    private static int topLevelColon(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
