package io.floe.encoding;

/** How class and exception slices are written (ice-protocol.md §3.11). */
public enum FormatType {
    /** Whatever the communicator's {@code Ice.Default.SlicedFormat} says (compact unless set). */
    DEFAULT,
    /** No slice sizes; a receiver cannot skip a type it does not know. */
    COMPACT,
    /** Every slice carries its type id and size, so unknown slices can be skipped. */
    SLICED
}
