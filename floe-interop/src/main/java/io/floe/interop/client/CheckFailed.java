package io.floe.interop.client;

/** A check's expectation was not met; the message says what was expected and what came back. */
final class CheckFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailed(String message) {
        super(message, null, false, false);
    }
}
