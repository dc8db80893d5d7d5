package io.floe;

import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;

/**
 * An instance of which the receiver knew no slice at all (sliced format, ice-protocol.md §3.14).
 * It keeps the most derived type id and every slice, so that it is written back whole when it
 * is marshaled again in the sliced format; the compact format cannot carry it.
 */
public final class UnknownSlicedValue extends Value {
    private final String unknownTypeId;

    public UnknownSlicedValue(String unknownTypeId) {
        this.unknownTypeId = unknownTypeId == null ? "" : unknownTypeId;
    }

    /** The most derived type id, as it was received ("" for an unresolved compact id). */
    public String getUnknownTypeId() {
        return unknownTypeId;
    }

    @Override
    public String ice_id() {
        return unknownTypeId;
    }

    // The stream writes the preserved slices before calling this; there is nothing known to add.
    @Override
    public void _write(OutputStream out) {
    }

    // Never called: the stream makes this instance after it has skipped every slice.
    @Override
    public void _read(InputStream in) {
    }
}
