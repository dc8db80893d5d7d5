package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

public record EnumDef(String name, Location location, List<Metadata> metadata, boolean local,
                      List<Enumerator> enumerators) implements Definition {
    @Override
    public String kindName() {
        return "enum";
    }
}
