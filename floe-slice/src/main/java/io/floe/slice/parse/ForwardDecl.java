package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

/** {@code interface I;} or {@code class C;}. */
public record ForwardDecl(String name, Location location, List<Metadata> metadata, boolean local,
                          boolean isInterface) implements Definition {
    @Override
    public String kindName() {
        return isInterface ? "interface" : "class";
    }
}
