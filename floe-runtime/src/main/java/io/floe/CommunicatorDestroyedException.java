package io.floe;

/** Raised when the communicator was destroyed. */
public class CommunicatorDestroyedException extends LocalException {
    private static final long serialVersionUID = 1L;

    public CommunicatorDestroyedException(String message) {
        super(message);
    }

    public CommunicatorDestroyedException(String message, Throwable cause) {
        super(message, cause);
    }
}
