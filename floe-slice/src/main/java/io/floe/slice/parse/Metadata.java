package io.floe.slice.parse;

import io.floe.slice.Location;

/** One metadata string, {@code ["amd"]} or file metadata {@code [["java:package:p"]]}. */
public record Metadata(String text, Location location) {
}
