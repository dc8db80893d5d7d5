package io.floe.slice.parse;

import io.floe.slice.Diagnostics;
import io.floe.slice.Location;
import io.floe.slice.parse.Token.Kind;
import io.floe.slice.preprocess.SourceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits preprocessed lines into tokens; strings never span lines, comments are gone. */
final class Lexer {
    static final Set<String> KEYWORDS = Set.of("module", "struct", "sequence", "dictionary", "enum",
            "out", "class", "interface", "exception", "extends", "implements", "throws", "void",
            "bool", "byte", "short", "int", "long", "float", "double", "string", "Object",
            "LocalObject", "Value", "local", "const", "false", "true", "idempotent", "optional");

    private final Diagnostics diagnostics;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    static List<Token> tokenize(List<SourceLine> lines, Diagnostics diagnostics) {
        Lexer lexer = new Lexer(diagnostics);
        for (SourceLine line : lines) {
            lexer.line(line);
        }
        Location end = lines.isEmpty() ? new Location("<input>", 1, 1)
                : lines.get(lines.size() - 1).at(lines.get(lines.size() - 1).text().length());
        lexer.tokens.add(new Token(Kind.END, "", end));
        return lexer.tokens;
    }

    private void line(SourceLine line) {
        String s = line.text();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_' || (c == '\\' && i + 1 < s.length()
                    && Character.isLetter(s.charAt(i + 1)))) {
                i = identifier(line, i);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length()
                    && Character.isDigit(s.charAt(i + 1)))) {
                i = number(line, i);
            } else if (c == '"') {
                i = string(line, i);
            } else if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                tokens.add(new Token(Kind.SYMBOL, "::", line.at(i)));
                i += 2;
            } else if ("{}()<>[],;=*-+".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), line.at(i)));
                i++;
            } else {
                diagnostics.error(line.at(i), "unexpected character '" + c + "'");
                i++;
            }
        }
    }

    private int identifier(SourceLine line, int start) {
        String s = line.text();
        boolean escaped = s.charAt(start) == '\\';
        int i = escaped ? start + 1 : start;
        int begin = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        String text = s.substring(begin, i);
        Kind kind = !escaped && KEYWORDS.contains(text) ? Kind.KEYWORD : Kind.IDENTIFIER;
        tokens.add(new Token(kind, text, line.at(start)));
        return i;
    }

    private int number(SourceLine line, int start) {
        String s = line.text();
        int i = start;
        boolean floating = false;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            i += 2;
            while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
                i++;
            }
        } else {
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                floating |= s.charAt(i) == '.';
                i++;
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                floating = true;
                i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            if (i < s.length() && (s.charAt(i) == 'f' || s.charAt(i) == 'F')) {
                floating = true;
                i++;
            }
        }
        while (i < s.length() && (s.charAt(i) == 'l' || s.charAt(i) == 'L')) {
            i++;
        }
        String text = s.substring(start, i);
        if (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
            diagnostics.error(line.at(start), "malformed number '" + text + s.charAt(i) + "'");
        }
        tokens.add(new Token(floating ? Kind.FLOAT : Kind.INTEGER, text, line.at(start)));
        return i;
    }

    private int string(SourceLine line, int start) {
        String s = line.text();
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                value.append(c);
                i++;
                continue;
            }
            i = StringEscapes.decode(s, i, value, line, diagnostics);
        }
        if (i >= s.length()) {
            diagnostics.error(line.at(start), "unterminated string literal");
        }
        tokens.add(new Token(Kind.STRING, value.toString(), line.at(start)));
        return i + 1;
    }
}
