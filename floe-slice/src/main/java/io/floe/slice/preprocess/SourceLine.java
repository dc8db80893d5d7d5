package io.floe.slice.preprocess;

import static java.util.Objects.requireNonNull;

import io.floe.slice.Location;

/**
 * One line of Slice code that survived preprocessing, comments blanked to spaces so that columns
 * still match the file. {@code file} is the path as given or as an include resolved it.
 */
public record SourceLine(String file, int number, String text) {
    public SourceLine {
        requireNonNull(file, "file");
        requireNonNull(text, "text");
    }

    /** The location of the character at {@code index} (0-based) in this line. */
    public Location at(int index) {
        return new Location(file, number, index + 1);
    }
}
