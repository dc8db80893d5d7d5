package io.floe.encoding;

import io.floe.Value;

/** Makes an empty instance for a Slice type id, or null for a type it does not know. */
@FunctionalInterface
public interface ValueFactory {
    Value create(String typeId);
}
