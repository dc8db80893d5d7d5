package io.floe;

import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.encoding.SlicedData;

/**
 * An exception declared in Slice. Generated subclasses encode their members as slices, most
 * derived first (ice-protocol.md §3.12). Checked, so callers see what an operation declares.
 */
public abstract class UserException extends Exception {
    private static final long serialVersionUID = 1L;

    // Not serialized: preserved slices are wire bytes of one encapsulation, and their instances
    // need not be Serializable.
    private transient SlicedData slicedData;

    protected UserException() {
    }

    protected UserException(Throwable cause) {
        super(cause);
    }

    /** The most derived Slice type id, such as {@code ::Demo::RangeError}. */
    public abstract String ice_id();

    /** Generated: writes this exception's slices, most derived first. */
    public abstract void _write(OutputStream out);

    /** Generated: reads this exception's slices, most derived first. */
    public abstract void _read(InputStream in);

    /**
     * The slices of more derived exceptions that the receiving runtime did not know, kept (sliced
     * format only) so that rethrowing this exception sends them on intact (ice-protocol.md §3.14);
     * null when nothing was sliced off. Written back ahead of this exception's own slices when it
     * is marshaled in the sliced format, dropped in the compact format.
     */
    public SlicedData ice_getSlicedData() {
        return slicedData;
    }

    /** The runtime's: sets what {@link #ice_getSlicedData} returns. */
    public void _setSlicedData(SlicedData slicedData) {
        this.slicedData = slicedData;
    }

    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? ice_id() : ice_id() + ": " + message;
    }
}
