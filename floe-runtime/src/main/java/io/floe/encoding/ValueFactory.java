package io.floe.encoding;

import io.floe.Value;

/** Makes an empty instance for a Slice type id, or null for a type it does not know. */
@FunctionalInterface
public interface ValueFactory {
    Value create(String typeId);

    /**
     * The type id of a class declared with compact id {@code compactId} (ice-protocol.md §3.13),
     * or null when unknown. Generated code declares them as {@code FloeCompactId.TypeId_<n>}.
     */
    default String resolveCompactId(int compactId) {
        return null;
    }
}
