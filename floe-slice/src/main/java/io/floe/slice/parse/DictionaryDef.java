package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

public record DictionaryDef(String name, Location location, List<Metadata> metadata, boolean local,
                            TypeRef key, TypeRef value) implements Definition {
    @Override
    public String kindName() {
        return "dictionary";
    }
}
