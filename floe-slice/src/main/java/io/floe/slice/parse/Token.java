package io.floe.slice.parse;

import io.floe.slice.Location;

/**
 * A lexical token. For {@link Kind#STRING} the text is the decoded value; for
 * {@link Kind#SYMBOL} it is the punctuation itself ({@code ::} is one symbol).
 */
record Token(Kind kind, String text, Location location) {
    enum Kind { KEYWORD, IDENTIFIER, INTEGER, FLOAT, STRING, SYMBOL, END }

    boolean is(Kind kind, String text) {
        return this.kind == kind && this.text.equals(text);
    }

    boolean isSymbol(String symbol) {
        return is(Kind.SYMBOL, symbol);
    }

    boolean isKeyword(String keyword) {
        return is(Kind.KEYWORD, keyword);
    }

    /** How errors show this token. */
    String describe() {
        return switch (kind) {
            case END -> "end of input";
            case STRING -> "string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
