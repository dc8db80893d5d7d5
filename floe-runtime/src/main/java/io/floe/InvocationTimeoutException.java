package io.floe;

/** Raised when the invocation timeout passed before the reply arrived. */
public class InvocationTimeoutException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    public InvocationTimeoutException(String message) {
        super(message);
    }

    public InvocationTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
