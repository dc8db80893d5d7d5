package io.floe.interop.client;

/** A check that cannot run on this Floe (a feature it lacks yet): reported as skipped, never as passed. */
final class Skipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skipped(String reason) {
        super(reason, null, false, false);
    }
}
