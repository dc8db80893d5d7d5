package io.floe.internal.proxy;

import io.floe.Identity;
import io.floe.IdentityParseException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The string form of identities, facets and adapter ids (ice-protocol.md §6): the first
 * unescaped {@code /} separates category and name; backslash escapes as Ice's Unicode mode.
 */
public final class IdentityStrings {
    private IdentityStrings() {
    }

    /**
     * Ice's {@code stringToIdentity}: the first '/' not escaped by an odd number of backslashes
     * separates category and name; a second one is an error.
     */
    public static Identity parseIdentity(String text) {
        int slash = -1;
        for (int pos = text.indexOf('/'); pos >= 0; pos = text.indexOf('/', pos + 1)) {
            int escapes = 0;
            while (pos - escapes > 0 && text.charAt(pos - escapes - 1) == '\\') {
                escapes++;
            }
            if (escapes % 2 == 0) {
                if (slash >= 0) {
                    throw new IdentityParseException("unescaped '/' in identity '" + text + "'");
                }
                slash = pos;
            }
        }
        try {
            if (slash < 0) {
                return new Identity(unescape(text, "/"), "");
            }
            return new Identity(unescape(text.substring(slash + 1), "/"), unescape(text.substring(0, slash), "/"));
        } catch (IdentityParseException e) {
            throw new IdentityParseException("invalid identity '" + text + "': " + e.getMessage(), e);
        }
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

    /** Unescapes a facet or an adapter id, where '/' is an ordinary character. */
    public static String unescape(String s) {
        return unescape(s, "");
    }

    /**
     * Ice's {@code unescapeString}: octal and hex (x) escapes are UTF-8 bytes, u and U escapes
     * are code points; a backslash before a character that is neither an escape nor in
     * {@code special} stays. Raw control characters are refused.
     */
    public static String unescape(String s, String special) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 32 || c == 127) {
                throw new IdentityParseException("control character " + (int) c + " in '" + s + "' (expected: an escape)");
            }
            if (c != '\\' || i + 1 >= s.length()) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\\', '\'', '"', '?' -> bytes.write(e);
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'v' -> bytes.write(11);
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    int end = i;
                    while (end < s.length() && end < i + digits && Character.digit(s.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end - i != digits) {
                        throw new IdentityParseException("escape '\\" + e + s.substring(i, end) + "' in '" + s
                                + "' (expected: " + digits + " hex digits)");
                    }
                    long cp = Long.parseLong(s.substring(i, end), 16);
                    if (cp >= 0xD800 && cp <= 0xDFFF) {
                        throw new IdentityParseException("escape '\\" + e + s.substring(i, end) + "' in '" + s
                                + "' designates a surrogate");
                    }
                    if (cp > 0x10FFFF) {
                        throw new IdentityParseException("escape '\\" + e + s.substring(i, end) + "' in '" + s
                                + "' (expected: <= 10FFFF)");
                    }
                    bytes.writeBytes(new String(Character.toChars((int) cp)).getBytes(StandardCharsets.UTF_8));
                    i = end;
                }
                case 'x' -> {
                    int end = i;
                    while (end < s.length() && end < i + 2 && Character.digit(s.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i) {
                        throw new IdentityParseException("escape '\\x" + s.substring(i, Math.min(i + 2, s.length()))
                                + "' in '" + s + "' (expected: a hex digit)");
                    }
                    bytes.write(Integer.parseInt(s.substring(i, end), 16));
                    i = end;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int start = i - 1;
                        int end = start;
                        while (end < s.length() && end < start + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                            end++;
                        }
                        int value = Integer.parseInt(s.substring(start, end), 8);
                        if (value > 255) {
                            throw new IdentityParseException("octal escape '\\" + s.substring(start, end) + "' in '" + s
                                    + "' (expected: <= \\377)");
                        }
                        bytes.write(value);
                        i = end;
                    } else if (special.indexOf(e) >= 0) {
                        bytes.write(e);
                    } else {
                        bytes.write('\\');
                        bytes.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException ex) {
            throw new IdentityParseException("escapes in '" + s + "' are not UTF-8", ex);
        }
    }
}
