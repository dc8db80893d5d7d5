package io.floe.slice.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the expression of {@code #if}/{@code #elif}: {@code defined(X)}, {@code defined X},
 * integers, macro names (their value, 0 when undefined or not a number), {@code !}, {@code &&},
 * {@code ||}, comparisons and parentheses. Anything else is an error.
 */
final class Condition {
    private final List<String> tokens;
    private final Map<String, String> macros;
    private int pos;

    private Condition(List<String> tokens, Map<String, String> macros) {
        this.tokens = tokens;
        this.macros = macros;
    }

    /** Thrown with a message that says what was expected. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    static boolean evaluate(String expression, Map<String, String> macros) throws SyntaxError {
        Condition condition = new Condition(tokenize(expression), macros);
        if (condition.tokens.isEmpty()) {
            throw new SyntaxError("#if with no expression");
        }
        long value = condition.or();
        if (condition.pos != condition.tokens.size()) {
            throw new SyntaxError("unexpected '" + condition.tokens.get(condition.pos)
                    + "' in #if expression");
        }
        return value != 0;
    }

    private long or() throws SyntaxError {
        long left = and();
        while (accept("||")) {
            long right = and();
            left = (left != 0 || right != 0) ? 1 : 0;
        }
        return left;
    }

    private long and() throws SyntaxError {
        long left = comparison();
        while (accept("&&")) {
            long right = comparison();
            left = (left != 0 && right != 0) ? 1 : 0;
        }
        return left;
    }

    private long comparison() throws SyntaxError {
        long left = unary();
        for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
            if (accept(op)) {
                long right = unary();
                boolean result = switch (op) {
                    case "==" -> left == right;
                    case "!=" -> left != right;
                    case "<=" -> left <= right;
                    case ">=" -> left >= right;
                    case "<" -> left < right;
                    default -> left > right;
                };
                return result ? 1 : 0;
            }
        }
        return left;
    }

    private long unary() throws SyntaxError {
        if (accept("!")) {
            return unary() == 0 ? 1 : 0;
        }
        if (accept("(")) {
            long value = or();
            expect(")");
            return value;
        }
        if (accept("defined")) {
            boolean parenthesised = accept("(");
            String name = next("a macro name after 'defined'");
            if (parenthesised) {
                expect(")");
            }
            return macros.containsKey(name) ? 1 : 0;
        }
        String token = next("a value");
        if (Character.isDigit(token.charAt(0))) {
            return parseNumber(token);
        }
        if (Character.isJavaIdentifierStart(token.charAt(0))) {
            String value = macros.get(token);
            try {
                return value == null ? 0 : parseNumber(value.trim());
            } catch (SyntaxError notANumber) {
                return 0;
            }
        }
        throw new SyntaxError("unexpected '" + token + "' in #if expression");
    }

    private static long parseNumber(String token) throws SyntaxError {
        String digits = token.replaceAll("[uUlL]+$", "");
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                return Long.parseLong(digits.substring(2), 16);
            }
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new SyntaxError("'" + token + "' is not a number");
        }
    }

    private boolean accept(String token) {
        if (pos < tokens.size() && tokens.get(pos).equals(token)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String token) throws SyntaxError {
        if (!accept(token)) {
            throw new SyntaxError("expected '" + token + "' in #if expression");
        }
    }

    private String next(String what) throws SyntaxError {
        if (pos >= tokens.size()) {
            throw new SyntaxError("expected " + what + " in #if expression");
        }
        return tokens.get(pos++);
    }

    private static List<String> tokenize(String s) throws SyntaxError {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isJavaIdentifierPart(c)) {
                int start = i;
                while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                tokens.add(s.substring(start, i));
            } else if (i + 1 < s.length() && List.of("&&", "||", "==", "!=", "<=", ">=")
                    .contains(s.substring(i, i + 2))) {
                tokens.add(s.substring(i, i + 2));
                i += 2;
            } else if ("!()<>".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                throw new SyntaxError("unexpected '" + c + "' in #if expression");
            }
        }
        return tokens;
    }
}
