package io.floe.slice.check;

import static java.util.Objects.requireNonNull;

/** {@code I*}: a proxy to an interface. */
public record ProxyType(Symbol symbol) implements Type {
    public ProxyType {
        requireNonNull(symbol, "symbol");
    }

    @Override
    public String sliceName() {
        return symbol.scopedName() + "*";
    }
}
