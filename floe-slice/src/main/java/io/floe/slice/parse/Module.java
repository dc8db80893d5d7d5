package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

/** {@code module M { ... }}; {@code module A::B} is parsed as two nested modules. */
public record Module(String name, Location location, List<Metadata> metadata,
                     List<Definition> definitions) implements Definition {
    @Override
    public boolean local() {
        return false;
    }

    @Override
    public String kindName() {
        return "module";
    }
}
