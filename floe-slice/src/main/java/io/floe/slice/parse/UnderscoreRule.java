package io.floe.slice.parse;

import io.floe.slice.Diagnostics;
import java.util.List;
import java.util.Map;

/**
 * Slice's rule for underscores in identifiers, as slice2java 3.7 applies it: never a leading one;
 * otherwise none at all unless the file has {@code [["underscore"]]}, and then neither two in a
 * row nor a trailing one.
 */
final class UnderscoreRule {
    private UnderscoreRule() {
    }

    static void check(List<Token> tokens, Map<String, List<Metadata>> fileMetadata, Diagnostics diagnostics) {
        for (Token token : tokens) {
            if (token.kind() != Token.Kind.IDENTIFIER || token.text().indexOf('_') < 0) {
                continue;
            }
            String problem = problem(token.text(), allowsUnderscores(fileMetadata.get(token.location().file())));
            if (problem != null) {
                diagnostics.error(token.location(), "illegal " + problem + " in identifier '" + token.text() + "'");
            }
        }
    }

    private static boolean allowsUnderscores(List<Metadata> metadata) {
        return metadata != null && metadata.stream().anyMatch(m -> m.text().equals("underscore"));
    }

    private static String problem(String name, boolean allowed) {
        if (name.startsWith("_")) {
            return "leading underscore";
        }
        if (!allowed) {
            return "underscore";
        }
        if (name.contains("__")) {
            return "double underscore";
        }
        return name.endsWith("_") ? "trailing underscore" : null;
    }
}
