package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

/** returnType is null for void; returnTag is -1 unless the return value is optional. */
public record Operation(String name, Location location, List<Metadata> metadata, TypeRef returnType,
                        int returnTag, List<Parameter> parameters, List<TypeRef> throwsList,
                        boolean idempotent) {
    public boolean hasMetadata(String text) {
        return metadata.stream().anyMatch(m -> m.text().equals(text));
    }

    public List<Parameter> inParameters() {
        return parameters.stream().filter(p -> !p.out()).toList();
    }

    public List<Parameter> outParameters() {
        return parameters.stream().filter(Parameter::out).toList();
    }
}
