package io.floe.slice;

import static java.util.Objects.requireNonNull;

/** A position in a Slice source file: 1-based line and column, as printed in errors. */
public record Location(String file, int line, int column) {
    public Location {
        requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException(
                    "line " + line + ", column " + column + " (expected: both >= 1)");
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
