package io.floe.slice.preprocess;

/**
 * Replaces {@code //} and {@code /* *}{@code /} comments with spaces, keeping line breaks, so that
 * every later location is still the one in the file. String literals are left alone.
 */
final class CommentStripper {
    /** The 0-based offset of an unterminated block comment's start, or -1. */
    private int unterminatedAt = -1;

    private CommentStripper() {
    }

    /** The stripped text and where an unterminated comment starts (-1: none). */
    record Result(String text, int unterminatedCommentOffset) {
    }

    static Result strip(String source) {
        CommentStripper stripper = new CommentStripper();
        String text = stripper.run(source);
        return new Result(text, stripper.unterminatedAt);
    }

    private String run(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = endOfString(s, i);
                out.append(s, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    out.append(s.charAt(i) == '\r' ? '\r' : ' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    unterminatedAt = i;
                    end = n;
                } else {
                    end += 2;
                }
                for (; i < end; i++) {
                    char k = s.charAt(i);
                    out.append(k == '\n' || k == '\r' ? k : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The offset just after the string literal starting at {@code start}, or the line's end. */
    private static int endOfString(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return i;
    }
}
