package io.floe.encoding;

import java.util.List;

/** The preserved slices of an instance or exception, most derived first (ice-protocol.md §3.14). */
public record SlicedData(List<SliceInfo> slices) {
    public SlicedData {
        slices = List.copyOf(slices);
    }
}
