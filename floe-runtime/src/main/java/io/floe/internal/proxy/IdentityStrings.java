package io.floe.internal.proxy;

import io.floe.Identity;
import io.floe.IdentityParseException;

/**
 * The string form of identities, facets and adapter ids (ice-protocol.md §6): the first
 * unescaped {@code /} separates category and name; backslash escapes as Ice's Unicode mode.
 */
public final class IdentityStrings {
    private IdentityStrings() {
    }

    public static Identity parseIdentity(String text) {
        int slash = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/') {
                if (slash >= 0) {
                    throw new IdentityParseException("identity '" + text + "' has more than one unescaped '/'");
                }
                slash = i;
            }
        }
        if (slash < 0) {
            return new Identity(unescape(text), "");
        }
        return new Identity(unescape(text.substring(slash + 1)), unescape(text.substring(0, slash)));
    }

    public static String identityToString(Identity id) {
        String name = escape(id.name(), true);
        return id.category().isEmpty() ? name : escape(id.category(), true) + "/" + name;
    }

    /** Escapes for printing; {@code slash} also escapes '/' (identities, not facets). */
    public static String escape(String s, boolean slash) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 7 -> out.append("\\a");
                case 11 -> out.append("\\v");
                default -> {
                    if (c == '/' && slash) {
                        out.append("\\/");
                    } else if (c < 32 || c == 127) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    public static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || c == 127) {
                throw new IdentityParseException("control character " + (int) c + " in '" + s + "'");
            }
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\\', '\'', '"', '?', '/' -> out.append(e);
                case 'a' -> out.append((char) 7);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append((char) 11);
                case 'x' -> i = appendCodePoint(out, s, i + 1, 2, 16) - 1;
                case 'u' -> i = appendCodePoint(out, s, i + 1, 4, 16) - 1;
                case 'U' -> i = appendCodePoint(out, s, i + 1, 8, 16) - 1;
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                            end++;
                        }
                        int value = Integer.parseInt(s.substring(i, end), 8);
                        if (value > 255) {
                            throw new IdentityParseException("octal escape over 255 in '" + s + "'");
                        }
                        out.append((char) value);
                        i = end - 1;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int appendCodePoint(StringBuilder out, String s, int from, int digits, int radix) {
        int end = from + digits;
        if (end > s.length()) {
            throw new IdentityParseException("short escape in '" + s + "'");
        }
        try {
            out.appendCodePoint(Integer.parseInt(s.substring(from, end), radix));
        } catch (IllegalArgumentException e) {
            throw new IdentityParseException("bad escape '" + s.substring(from - 2, end) + "' in '" + s + "'");
        }
        return end;
    }
}
