package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

public record StructDef(String name, Location location, List<Metadata> metadata, boolean local,
                        List<DataMember> members) implements Definition {
    @Override
    public String kindName() {
        return "struct";
    }
}
