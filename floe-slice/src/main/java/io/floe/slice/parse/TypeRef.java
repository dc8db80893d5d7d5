package io.floe.slice.parse;

import io.floe.slice.Location;

/**
 * A type as written: a builtin keyword ({@code int}, {@code Object}) or a possibly scoped name
 * ({@code Row}, {@code A::B}, {@code ::A::B}), with {@code *} for a proxy.
 */
public record TypeRef(String name, boolean proxy, Location location) {
    @Override
    public String toString() {
        return proxy ? name + "*" : name;
    }
}
