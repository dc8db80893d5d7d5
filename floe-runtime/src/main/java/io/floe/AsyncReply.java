package io.floe;

import io.floe.encoding.Encoder;

/**
 * The runtime side of an AMD dispatch, wrapped by the generated callback. The reply is encoded
 * on the completing thread and handed to the connection's event loop. Never throws; the first
 * completion wins and later ones are logged.
 */
public interface AsyncReply {
    /** Sends status OK with the results {@code results} writes (null: no results). */
    void succeed(Encoder results);

    /** Sends the reply that {@code error} translates to (ice-protocol.md §4.4). */
    void fail(Throwable error);

    /** True once a reply was claimed by either method (or by the runtime, see {@link #onCancel}). */
    boolean isAnswered();

    /**
     * True once the answer would reach nobody or is no longer wanted: the connection was lost,
     * the dispatch deadline passed, or the shutdown grace period ended (in the last two cases the
     * runtime has already answered the client).
     */
    boolean isCancelled();

    /**
     * Runs {@code listener} once when the dispatch is cancelled (at once if it already is), on
     * the adapter's dispatch executor, so the application can stop useless work.
     */
    void onCancel(Runnable listener);
}
