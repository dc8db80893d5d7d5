package io.floe;

/** Raised when a reply carries a status Floe does not know. */
public class UnknownReplyStatusException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public UnknownReplyStatusException(String message) {
        super(message);
    }

    public UnknownReplyStatusException(String message, Throwable cause) {
        super(message, cause);
    }
}
