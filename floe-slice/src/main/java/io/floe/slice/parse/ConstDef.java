package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

public record ConstDef(String name, Location location, List<Metadata> metadata, TypeRef type,
                       ConstValue value) implements Definition {
    @Override
    public boolean local() {
        return false;
    }

    @Override
    public String kindName() {
        return "constant";
    }
}
