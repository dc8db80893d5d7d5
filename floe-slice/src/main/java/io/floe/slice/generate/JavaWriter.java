package io.floe.slice.generate;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds one Java source file: indentation by four spaces, and imports collected as types are
 * used. A type whose simple name is already taken (by another import or by a type of this
 * package) is written fully qualified instead.
 */
final class JavaWriter {
    private static final String INDENT = "    ";
    static final int WIDTH = 100;

    private final String packageName;
    private final Set<String> packageTypes;
    private final Map<String, String> imports = new TreeMap<>();
    private final StringBuilder body = new StringBuilder();
    private int depth;

    JavaWriter(String packageName, Set<String> packageTypes) {
        this.packageName = packageName;
        this.packageTypes = Set.copyOf(packageTypes);
    }

    String packageName() {
        return packageName;
    }

    /** The name to write for the type {@code qualifiedName}, importing it when possible. */
    String use(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        String simple = qualifiedName.substring(dot + 1);
        String pkg = dot < 0 ? "" : qualifiedName.substring(0, dot);
        if (pkg.equals(packageName)) {
            return imports.containsKey(simple) ? qualifiedName : simple;
        }
        String imported = imports.get(simple);
        if (qualifiedName.equals(imported)) {
            return simple;
        }
        if (imported != null || packageTypes.contains(simple)) {
            return qualifiedName;
        }
        imports.put(simple, qualifiedName);
        return simple;
    }

    /**
     * Writes a line; a line too long is broken after commas, continued 8 columns further than
     * it starts. Leading spaces in {@code text} count as indentation.
     */
    JavaWriter line(String text) {
        String rest = text.stripLeading();
        String indent = INDENT.repeat(depth) + text.substring(0, text.length() - rest.length());
        String continuation = indent + INDENT.repeat(2);
        boolean continued = false;
        while (indent.length() + rest.length() > WIDTH) {
            int split = breakPoint(rest, WIDTH - indent.length(), continued ? 1 : 0);
            if (split < 0) {
                break;
            }
            body.append(indent).append(rest, 0, split + 1).append('\n');
            rest = rest.substring(split + 2);
            indent = continuation;
            continued = true;
        }
        if (!rest.isEmpty()) {
            body.append(indent).append(rest);
        }
        body.append('\n');
        return this;
    }

    /**
     * The last ", " before {@code limit} that separates arguments, parameters or array
     * elements: inside parentheses or an initializer's braces (not both), outside strings and
     * type arguments; -1 when there is none. A continued line starts inside the parentheses
     * that the previous part opened.
     */
    private static int breakPoint(String text, int limit, int openParens) {
        int parens = openParens;
        int braces = 0;
        int angles = 0;
        boolean inString = false;
        int best = -1;
        for (int i = 0; i < text.length() - 1 && i < limit; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '(' -> parens++;
                case ')' -> parens--;
                case '{' -> braces++;
                case '}' -> braces--;
                case '<' -> angles += i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) ? 1 : 0;
                case '>' -> angles -= angles > 0 && text.charAt(i - 1) != '-' ? 1 : 0;
                case ',' -> {
                    boolean separates = (parens > 0) != (braces > 0); // call arguments or array elements
                    if (separates && angles == 0 && text.charAt(i + 1) == ' ') {
                        best = i;
                    }
                }
                default -> {
                }
            }
        }
        return best;
    }

    JavaWriter blank() {
        return line("");
    }

    /** Writes {@code header {} and indents. */
    JavaWriter open(String header) {
        line(header + " {");
        depth++;
        return this;
    }

    JavaWriter close() {
        return close("");
    }

    /** Outdents and writes {@code }} followed by {@code suffix} (such as {@code ;}). */
    JavaWriter close(String suffix) {
        depth--;
        return line("}" + suffix);
    }

    /** An abstract method declaration; a long throws clause goes on its own line. */
    JavaWriter declaration(String signature, String throwsClause) {
        if (throwsClause.isEmpty()) {
            return line(signature + ";");
        }
        if (signature.length() + throwsClause.length() + 2 <= width()) {
            return line(signature + " " + throwsClause + ";");
        }
        line(signature);
        return line(INDENT.repeat(2) + throwsClause + ";");
    }

    /** A method with a body, opened; a long throws clause goes on its own line. */
    JavaWriter openMethod(String signature, String throwsClause) {
        if (throwsClause.isEmpty()) {
            return open(signature);
        }
        if (signature.length() + throwsClause.length() + 3 <= width()) {
            return open(signature + " " + throwsClause);
        }
        line(signature);
        depth++;
        return open(INDENT + throwsClause).outdentOnce();
    }

    /** Indents once more, after a {@link #close(String)} that reopened a block. */
    JavaWriter depthPlus() {
        depth++;
        return this;
    }

    private JavaWriter outdentOnce() {
        depth--;
        return this;
    }

    /** The columns left on the current line after the indentation. */
    int width() {
        return WIDTH - INDENT.length() * depth;
    }

    String toSource(String sliceFileName) {
        StringBuilder source = new StringBuilder();
        source.append("// Generated by floe-slice from ").append(sliceFileName)
                .append(". Do not edit.\n\n");
        source.append("package ").append(packageName).append(";\n\n");
        if (!imports.isEmpty()) {
            imports.values().stream().sorted()
                    .forEach(i -> source.append("import ").append(i).append(";\n"));
            source.append('\n');
        }
        source.append(body);
        return source.toString();
    }
}
