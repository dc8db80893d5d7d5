package io.floe.slice.parse;

import io.floe.slice.Location;

/** value is null when the enumerator takes the previous value plus one. */
public record Enumerator(String name, Location location, ConstValue value) {
}
