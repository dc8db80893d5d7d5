package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

/** base is null for a root exception. */
public record ExceptionDef(String name, Location location, List<Metadata> metadata, boolean local,
                           TypeRef base, List<DataMember> members) implements Definition {
    @Override
    public String kindName() {
        return "exception";
    }
}
