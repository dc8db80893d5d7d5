package io.floe.slice.parse;

import io.floe.slice.Location;
import java.util.List;

/** Anything with a name at module scope. */
public sealed interface Definition permits Module, InterfaceDef, ClassDef, ForwardDecl, StructDef,
        ExceptionDef, EnumDef, SequenceDef, DictionaryDef, ConstDef {
    String name();

    Location location();

    List<Metadata> metadata();

    /** Declared {@code local}: parsed, checked lightly, never generated. */
    boolean local();

    /** What errors call it: "struct", "interface", ... */
    String kindName();

    default boolean hasMetadata(String text) {
        return metadata().stream().anyMatch(m -> m.text().equals(text));
    }
}
