package io.floe.slice;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the errors of one compilation so that every stage reports all it finds, not only the
 * first. Not thread-safe.
 */
public final class Diagnostics {
    private final List<Diagnostic> errors = new ArrayList<>();

    public void error(Location location, String message) {
        Diagnostic diagnostic = new Diagnostic(location, message);
        if (!errors.contains(diagnostic)) {
            errors.add(diagnostic);
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** In the order they were found. */
    public List<Diagnostic> errors() {
        return List.copyOf(errors);
    }
}
