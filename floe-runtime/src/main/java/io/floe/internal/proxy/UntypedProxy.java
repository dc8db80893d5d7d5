package io.floe.internal.proxy;

import io.floe.ObjectPrx;
import io.floe.Reference;

/** A proxy of no particular Slice type, as {@code stringToProxy} returns. */
public record UntypedProxy(Reference ice_reference) implements ObjectPrx {
    @Override
    public String toString() {
        return ice_reference.toString();
    }
}
