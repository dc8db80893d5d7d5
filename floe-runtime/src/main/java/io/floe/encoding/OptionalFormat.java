package io.floe.encoding;

/** How an optional value is encoded after its tag (ice-protocol.md §3.15). */
public enum OptionalFormat {
    F1, F2, F4, F8, SIZE, VSIZE, FSIZE, CLASS;

    public int code() {
        return ordinal();
    }
}
