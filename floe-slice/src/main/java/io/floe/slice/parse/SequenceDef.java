package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

public record SequenceDef(String name, Location location, List<Metadata> metadata, boolean local,
                          TypeRef element) implements Definition {
    @Override
    public String kindName() {
        return "sequence";
    }
}
