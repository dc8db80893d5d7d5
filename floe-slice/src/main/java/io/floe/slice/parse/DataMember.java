package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

/** A member of a struct, exception or class. tag is -1 unless optional; defaultValue may be null. */
public record DataMember(String name, Location location, List<Metadata> metadata, TypeRef type,
                         int tag, ConstValue defaultValue) {
    public boolean isOptional() {
        return tag >= 0;
    }
}
