package io.floe;

import static java.util.Objects.requireNonNull;

/** The name (and optional category) of an Ice object; encoded name first, then category. */
public record Identity(String name, String category) {
    public Identity {
        requireNonNull(name, "name");
        requireNonNull(category, "category");
    }

    public static Identity of(String name) {
        return new Identity(name, "");
    }

    @Override
    public String toString() {
        return category.isEmpty() ? name : category + "/" + name;
    }
}
