package io.floe.slice.check;

import static java.util.Objects.requireNonNull;

/** A struct, enum, sequence, dictionary, exception, class or interface used by value. */
public record Named(Symbol symbol) implements Type {
    public Named {
        requireNonNull(symbol, "symbol");
    }

    @Override
    public String sliceName() {
        return symbol.scopedName();
    }
}
