package io.floe;

import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;

/**
 * An exception declared in Slice. Generated subclasses encode their members as slices, most
 * derived first (ice-protocol.md §3.12). Checked, so callers see what an operation declares.
 */
public abstract class UserException extends Exception {
    private static final long serialVersionUID = 1L;

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

    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? ice_id() : ice_id() + ": " + message;
    }
}
