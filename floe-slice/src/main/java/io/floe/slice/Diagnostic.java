package io.floe.slice;

import static java.util.Objects.requireNonNull;

/** One compiler error, printed as {@code file:line:column: message}. */
public record Diagnostic(Location location, String message) {
    public Diagnostic {
        requireNonNull(location, "location");
        requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
