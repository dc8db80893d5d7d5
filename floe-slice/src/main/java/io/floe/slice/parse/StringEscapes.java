package io.floe.slice.parse;

import io.floe.slice.Diagnostics;
import io.floe.slice.preprocess.SourceLine;

/** The escape sequences of Slice string literals, C-like plus {@code \\u} and {@code \\U}. */
final class StringEscapes {
    private StringEscapes() {
    }

    /** Decodes the escape at {@code at} (a backslash) into {@code value}; returns the next index. */
    static int decode(String s, int at, StringBuilder value, SourceLine line, Diagnostics diagnostics) {
        char e = s.charAt(at + 1);
        switch (e) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000b');
            case '\\', '"', '\'', '?' -> value.append(e);
            case 'x' -> {
                return hex(s, at, 2, 2, value, line, diagnostics);
            }
            case 'u' -> {
                return hex(s, at, 4, 4, value, line, diagnostics);
            }
            case 'U' -> {
                return hex(s, at, 8, 8, value, line, diagnostics);
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int i = at + 1;
                    int code = 0;
                    while (i < s.length() && i < at + 4 && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                        code = code * 8 + (s.charAt(i) - '0');
                        i++;
                    }
                    value.append((char) code);
                    return i;
                }
                diagnostics.error(line.at(at), "unknown escape sequence '\\" + e + "'");
                value.append(e);
            }
        }
        return at + 2;
    }

    private static int hex(String s, int at, int min, int max, StringBuilder value, SourceLine line,
                           Diagnostics diagnostics) {
        int i = at + 2;
        int code = 0;
        while (i < s.length() && i < at + 2 + max && Character.digit(s.charAt(i), 16) >= 0) {
            code = code * 16 + Character.digit(s.charAt(i), 16);
            i++;
        }
        if (i - (at + 2) < min || !Character.isValidCodePoint(code)) {
            diagnostics.error(line.at(at), "malformed escape sequence '" + s.substring(at, i)
                    + "' (expected: " + min + " hex digits)");
            return i;
        }
        value.appendCodePoint(code);
        return i;
    }
}
