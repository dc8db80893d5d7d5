package io.floe.encoding;

import io.floe.Value;
import java.util.List;

/**
 * One preserved slice: its type id (or compact id), its encoded members (after the slice size,
 * optional members and their end marker included) and the instances of its indirection table.
 */
public record SliceInfo(String typeId, int compactId, byte[] bytes, List<Value> instances,
                        boolean hasOptionalMembers, boolean isLastSlice) {
}
