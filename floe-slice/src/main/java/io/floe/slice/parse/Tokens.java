package io.floe.slice.parse;

import io.floe.slice.parse.Token.Kind;
import java.util.List;

/** A cursor over the token list with the expect/accept helpers of the parser. */
final class Tokens {
    /** Unwinds to the nearest recovery point; the message is already "unexpected ... (expected ...)". */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Token token;

        SyntaxError(Token token, String message) {
            super(message, null, false, false);
            this.token = token;
        }
    }

    private final List<Token> tokens;
    private int pos;

    Tokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    /** The token just consumed, or the first one at the start. */
    Token previous() {
        return tokens.get(Math.max(pos - 1, 0));
    }

    Token next() {
        Token token = tokens.get(pos);
        if (token.kind() != Kind.END) {
            pos++;
        }
        return token;
    }

    boolean atEnd() {
        return peek().kind() == Kind.END;
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    Token expectSymbol(String symbol) {
        if (!peek().isSymbol(symbol)) {
            throw unexpected("'" + symbol + "'");
        }
        return next();
    }

    Token expectKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            throw unexpected("'" + keyword + "'");
        }
        return next();
    }

    Token expectIdentifier(String what) {
        Token token = peek();
        if (token.kind() == Kind.IDENTIFIER) {
            return next();
        }
        if (token.kind() == Kind.KEYWORD) {
            throw new SyntaxError(token, "keyword '" + token.text() + "' cannot be used as "
                    + what + " (escape it as \\" + token.text() + ")");
        }
        throw unexpected(what);
    }

    SyntaxError unexpected(String expected) {
        Token token = peek();
        return new SyntaxError(token, "unexpected " + token.describe() + " (expected: " + expected + ")");
    }

    /**
     * Skips the rest of a broken definition: up to and including the next {@code ;} at this
     * nesting depth, or up to (not including) the {@code }} that closes the enclosing scope.
     */
    void recover() {
        int depth = 0;
        while (!atEnd()) {
            Token token = peek();
            if (token.isSymbol("{")) {
                depth++;
            } else if (token.isSymbol("}")) {
                if (depth == 0) {
                    return;
                }
                depth--;
                if (depth == 0 && peek(1).isSymbol(";")) {
                    pos += 2;
                    return;
                }
            } else if (token.isSymbol(";") && depth == 0) {
                pos++;
                return;
            }
            pos++;
        }
    }
}
