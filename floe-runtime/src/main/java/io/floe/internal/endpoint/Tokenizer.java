package io.floe.internal.endpoint;

import io.floe.EndpointParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The string scanning of Ice's stringified proxies and endpoints (IceUtilInternal's
 * {@code checkQuote} and {@code splitString}, ice-protocol.md §6).
 */
public final class Tokenizer {
    /** The white space that separates tokens: Ice's {@code " \t\r\n"}. */
    public static final String WHITESPACE = " \t\r\n";

    private Tokenizer() {
    }

    /**
     * Endpoint tokens separated by white space. Single or double quotes group (and are removed);
     * a backslash before the quote character keeps it. An unmatched quote is an error.
     */
    public static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        char quote = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
                i++;
                continue;
            } else if (quote == 0 && c == '\\' && i + 1 < text.length()
                    && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '"')) {
                i++;
            } else if (quote != 0 && c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                i++;
            } else if (quote != 0 && c == quote) {
                quote = 0;
                i++;
                continue;
            } else if (quote == 0 && WHITESPACE.indexOf(c) >= 0) {
                i++;
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
                continue;
            }
            token.append(text.charAt(i++));
        }
        if (quote != 0) {
            throw new EndpointParseException("mismatched quote in '" + text + "'");
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /**
     * If {@code s} has a quote at {@code start}, the index of the matching quote (one not
     * preceded by a backslash), or -1 if there is none; 0 if {@code s} is not quoted there.
     */
    public static int checkQuote(String s, int start) {
        char quote = s.charAt(start);
        if (quote != '"' && quote != '\'') {
            return 0;
        }
        int from = start + 1;
        int pos;
        while (from < s.length() && (pos = s.indexOf(quote, from)) >= 0) {
            if (s.charAt(pos - 1) != '\\') {
                return pos;
            }
            from = pos + 1;
        }
        return -1;
    }

    /** Index of the first character of {@code s} at or after {@code from} that is not white space; -1 if none. */
    public static int skipWhitespace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (WHITESPACE.indexOf(s.charAt(i)) < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first character of {@code s} at or after {@code from} that is in {@code chars}; -1 if none. */
    public static int findFirstOf(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Splits on {@code separator} outside double quotes, as Ice splits the endpoints of a proxy
     * or an adapter ({@code "tcp -h "::1" -p 1:tcp -p 2"}).
     */
    public static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
