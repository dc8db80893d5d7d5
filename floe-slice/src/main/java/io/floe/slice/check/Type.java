package io.floe.slice.check;

/** A resolved Slice type: a builtin, a named user type, or a proxy to an interface. */
public sealed interface Type permits Builtin, Named, ProxyType {
    /** The type as a Slice user would write it, fully scoped. */
    String sliceName();
}
