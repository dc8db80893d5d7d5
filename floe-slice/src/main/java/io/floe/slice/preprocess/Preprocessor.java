package io.floe.slice.preprocess;

import io.floe.slice.Diagnostics;
import io.floe.slice.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The C-like preprocessing Slice files go through: comments, {@code #include}, {@code #pragma
 * once}, {@code #define}/{@code #undef} and conditionals. Macros are only tested, never expanded
 * in code. Included files are inlined, each line keeping its own file and line number.
 */
public final class Preprocessor {
    /** Predefined as slice2java does, so that Slice files can select their Java parts. */
    public static final String LANGUAGE_MACRO = "__SLICE2JAVA__";
    private static final int MAX_INCLUDE_DEPTH = 64;

    private final List<Path> includeDirectories;
    private final Map<String, String> macros = new LinkedHashMap<>();
    private final Diagnostics diagnostics;
    private final Set<Path> onceFiles = new HashSet<>();
    private final List<SourceLine> output = new ArrayList<>();
    private int depth;

    public Preprocessor(List<Path> includeDirectories, Map<String, String> defines,
                        Diagnostics diagnostics) {
        this.includeDirectories = List.copyOf(includeDirectories);
        this.diagnostics = diagnostics;
        macros.put(LANGUAGE_MACRO, "1");
        macros.putAll(defines);
    }

    /** The code lines of {@code file} and what it includes, in order. */
    public List<SourceLine> process(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diagnostics.error(new Location(file.toString(), 1, 1), "cannot read file: " + e);
            return List.copyOf(output);
        }
        processText(file, text);
        return List.copyOf(output);
    }

    private void processText(Path file, String source) {
        String name = file.toString();
        CommentStripper.Result stripped = CommentStripper.strip(source);
        if (stripped.unterminatedCommentOffset() >= 0) {
            diagnostics.error(locationOf(name, source, stripped.unterminatedCommentOffset()),
                    "unterminated comment");
        }
        String[] lines = stripped.text().split("\r?\n|\r", -1);
        Conditionals conditionals = new Conditionals(diagnostics);
        for (int i = 0; i < lines.length; i++) {
            SourceLine line = new SourceLine(name, i + 1, lines[i]);
            Directive directive = Directive.parse(line);
            if (directive != null) {
                handle(file, directive, conditionals);
            } else if (conditionals.active() && !line.text().isBlank()) {
                output.add(line);
            }
        }
        conditionals.checkClosed();
    }

    private void handle(Path file, Directive d, Conditionals conditionals) {
        if (conditionals.handle(d, macros)) {
            return;
        }
        if (!conditionals.active()) {
            return;
        }
        switch (d.name()) {
            case "define" -> define(d);
            case "undef" -> macros.remove(d.argument().trim());
            case "include" -> include(file, d);
            case "pragma" -> {
                if (d.argument().trim().equals("once")) {
                    onceFiles.add(canonical(file));
                }
            }
            case "error" -> diagnostics.error(d.location(), "#error " + d.argument().trim());
            case "warning", "line", "" -> {
                // No effect on the generated code.
            }
            default -> diagnostics.error(d.location(), "unknown directive '#" + d.name() + "'");
        }
    }

    private void define(Directive d) {
        String argument = d.argument().trim();
        if (argument.isEmpty()) {
            diagnostics.error(d.location(), "#define without a macro name");
            return;
        }
        int space = indexOfWhitespace(argument);
        if (space < 0) {
            macros.put(argument, "");
        } else {
            macros.put(argument.substring(0, space), argument.substring(space).trim());
        }
    }

    private void include(Path file, Directive d) {
        String argument = d.argument().trim();
        boolean quoted = argument.startsWith("\"") && argument.endsWith("\"");
        boolean angled = argument.startsWith("<") && argument.endsWith(">");
        if (argument.length() < 3 || !(quoted || angled)) {
            diagnostics.error(d.location(), "#include expects \"file\" or <file>, not '"
                    + argument + "'");
            return;
        }
        String name = argument.substring(1, argument.length() - 1);
        Path resolved = resolve(file, name, quoted);
        if (resolved == null) {
            diagnostics.error(d.location(), "cannot find include file '" + name + "'");
            return;
        }
        if (onceFiles.contains(canonical(resolved))) {
            return;
        }
        if (depth >= MAX_INCLUDE_DEPTH) {
            diagnostics.error(d.location(), "includes nested more than " + MAX_INCLUDE_DEPTH
                    + " deep (an include cycle without #pragma once?)");
            return;
        }
        String text;
        try {
            text = Files.readString(resolved, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diagnostics.error(d.location(), "cannot read include file '" + name + "': " + e);
            return;
        }
        depth++;
        processText(resolved, text);
        depth--;
    }

    private Path resolve(Path includer, String name, boolean quoted) {
        List<Path> candidates = new ArrayList<>();
        if (quoted) {
            Path dir = includer.getParent();
            candidates.add(dir == null ? Path.of(name) : dir.resolve(name));
        }
        for (Path dir : includeDirectories) {
            candidates.add(dir.resolve(name));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.normalize();
            }
        }
        return null;
    }

    private static Path canonical(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Location locationOf(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, offset - lineStart + 1);
    }

    /** The {@code #if} nesting of one file. */
    private static final class Conditionals {
        private record Branch(Location location, boolean parentActive, boolean taken,
                              boolean active, boolean sawElse) {
        }

        private final Deque<Branch> stack = new ArrayDeque<>();
        private final Diagnostics diagnostics;

        Conditionals(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        boolean active() {
            return stack.isEmpty() || stack.peek().active();
        }

        /** Handles a conditional directive; false for any other directive. */
        boolean handle(Directive d, Map<String, String> macros) {
            switch (d.name()) {
                case "ifdef", "ifndef" -> {
                    boolean defined = macros.containsKey(d.argument().trim());
                    open(d, defined == d.name().equals("ifdef"));
                }
                case "if" -> open(d, active() && evaluate(d, macros));
                case "elif" -> {
                    Branch top = current(d);
                    if (top != null) {
                        if (top.sawElse()) {
                            diagnostics.error(d.location(), "#elif after #else");
                        }
                        boolean take = top.parentActive() && !top.taken() && evaluate(d, macros);
                        replace(new Branch(top.location(), top.parentActive(), top.taken() || take,
                                take, top.sawElse()));
                    }
                }
                case "else" -> {
                    Branch top = current(d);
                    if (top != null) {
                        if (top.sawElse()) {
                            diagnostics.error(d.location(), "#else after #else");
                        }
                        boolean take = top.parentActive() && !top.taken();
                        replace(new Branch(top.location(), top.parentActive(), true, take, true));
                    }
                }
                case "endif" -> {
                    if (current(d) != null) {
                        stack.pop();
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        void checkClosed() {
            for (Branch branch : stack) {
                diagnostics.error(branch.location(), "unterminated conditional directive");
            }
        }

        private void open(Directive d, boolean condition) {
            boolean parent = active();
            boolean take = parent && condition;
            stack.push(new Branch(d.location(), parent, take, take, false));
        }

        private void replace(Branch branch) {
            stack.pop();
            stack.push(branch);
        }

        private Branch current(Directive d) {
            if (stack.isEmpty()) {
                diagnostics.error(d.location(), "#" + d.name() + " without #if");
                return null;
            }
            return stack.peek();
        }

        private boolean evaluate(Directive d, Map<String, String> macros) {
            try {
                return Condition.evaluate(d.argument(), macros);
            } catch (Condition.SyntaxError e) {
                diagnostics.error(d.location(), e.getMessage());
                return false;
            }
        }
    }
}
