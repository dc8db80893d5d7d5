package io.floe.internal.endpoint;

import io.floe.ProxyParseException;
import java.util.ArrayList;
import java.util.List;

/** Splits stringified proxies and endpoints into whitespace-separated, quote-aware tokens. */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** Tokens separated by white space; quotes group and are removed. */
    public static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    token.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
            } else {
                token.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new ProxyParseException("missing closing quote in '" + text + "'");
        }
        if (inToken) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** Splits on {@code separator} outside quotes. */
    public static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
