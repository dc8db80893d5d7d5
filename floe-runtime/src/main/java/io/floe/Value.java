package io.floe;

import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.encoding.SlicedData;

/**
 * An instance of a Slice class. Generated classes extend it and encode their data members as
 * slices, most derived first (ice-protocol.md §3.13). Mutable, as the Slice mapping says.
 */
public abstract class Value implements Cloneable {
    public static final String TYPE_ID = "::Ice::Object";

    private SlicedData slicedData;

    /** The most derived Slice type id. */
    public String ice_id() {
        return TYPE_ID;
    }

    /** Generated: writes this instance's slices, most derived first. */
    public abstract void _write(OutputStream out);

    /** Generated: reads this instance's slices, most derived first. */
    public abstract void _read(InputStream in);

    /**
     * The slices of more derived types that the receiving runtime did not know, kept (sliced
     * format) so that the instance is written again whole; null when there are none.
     */
    public SlicedData ice_getSlicedData() {
        return slicedData;
    }

    /** The runtime's: sets what {@link #ice_getSlicedData} returns. */
    public void _setSlicedData(SlicedData slicedData) {
        this.slicedData = slicedData;
    }

    @Override
    public Value clone() {
        try {
            return (Value) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
