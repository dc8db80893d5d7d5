package io.floe;

/** Raised when a message is larger than Ice.MessageSizeMax allows. */
public class MemoryLimitException extends MarshalException {
    private static final long serialVersionUID = 1L;

    public MemoryLimitException(String message) {
        super(message);
    }

    public MemoryLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
