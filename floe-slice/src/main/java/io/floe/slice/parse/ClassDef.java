package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

/** {@code class C(7) extends B implements I { ... }}; compactId is -1 when absent, base may be null. */
public record ClassDef(String name, Location location, List<Metadata> metadata, boolean local,
                       int compactId, TypeRef base, List<TypeRef> implemented,
                       List<DataMember> members, List<Operation> operations) implements Definition {
    @Override
    public String kindName() {
        return "class";
    }
}
