package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

public record InterfaceDef(String name, Location location, List<Metadata> metadata, boolean local,
                           List<TypeRef> bases, List<Operation> operations) implements Definition {
    @Override
    public String kindName() {
        return "interface";
    }
}
