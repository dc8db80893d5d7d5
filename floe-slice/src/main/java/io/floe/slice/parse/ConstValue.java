package io.floe.slice.parse;

import io.floe.slice.Location;

/**
 * A literal in a constant, a default value or an enumerator. Numbers keep their text (sign
 * included); strings are decoded; {@link Kind#NAME} is a (scoped) enumerator or constant name.
 */
public record ConstValue(Kind kind, String text, Location location) {
    public enum Kind { INTEGER, FLOAT, STRING, BOOLEAN, NAME }
}
