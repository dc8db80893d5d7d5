package io.floe.slice.preprocess;

import io.floe.slice.Location;

/** A preprocessor line: {@code #name argument}, located at its {@code #}. */
record Directive(String name, String argument, Location location) {
    /** The directive on this line, or null when the line is code. */
    static Directive parse(SourceLine line) {
        String text = line.text();
        int hash = 0;
        while (hash < text.length() && Character.isWhitespace(text.charAt(hash))) {
            hash++;
        }
        if (hash >= text.length() || text.charAt(hash) != '#') {
            return null;
        }
        int start = hash + 1;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return new Directive(text.substring(start, end), text.substring(end), line.at(hash));
    }
}
