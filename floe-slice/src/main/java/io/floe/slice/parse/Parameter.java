package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

/** tag is -1 unless the parameter is {@code optional(tag)}. */
public record Parameter(String name, Location location, List<Metadata> metadata, TypeRef type,
                        boolean out, int tag) {
    public boolean isOptional() {
        return tag >= 0;
    }
}
