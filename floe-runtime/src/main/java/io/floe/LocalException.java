package io.floe;

/**
 * A run-time error of the framework, with Ice's names. Unchecked; anything of this kind raised
 * by a servant is translated to a reply status as ice-protocol.md §4.4 says.
 */
public class LocalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocalException(String message) {
        super(message);
    }

    public LocalException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The Slice type id, such as {@code ::Ice::MarshalException}. */
    public String ice_id() {
        return "::Ice::" + getClass().getSimpleName();
    }
}
