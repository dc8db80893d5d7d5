package io.floe;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The base of every generated {@code AMD_<Interface>_<op>} callback. Completing it sends the
 * reply. Any thread may complete it, exactly once: the first of {@code ice_response} and
 * {@code ice_exception} wins, later calls are logged and ignored, and neither ever throws. A
 * callback dropped without an answer is noticed when it is garbage-collected, and the client
 * gets an UnknownException naming the operation.
 */
public interface AMDCallback {
    /**
     * Answers with an exception, translated as a synchronous dispatch's would be: a user
     * exception as status 1, ObjectNotExist and friends as 2 to 4, other local exceptions as
     * UnknownLocal (5), anything else as Unknown (7).
     */
    void ice_exception(Exception ex);

    /**
     * True once the answer would reach nobody or is no longer wanted: the connection was lost,
     * the dispatch deadline passed ({@code <adapter>.DispatchDeadline}), or the adapter's
     * shutdown grace period ended (in the last two cases the client was already answered).
     */
    default boolean isCancelled() {
        return false; // generated callbacks ask the runtime; a test's fake never is
    }

    /** Runs {@code listener} once when {@link #isCancelled()} becomes true (at once if it is). */
    default void onCancel(Runnable listener) {
    }

    /**
     * Generated {@code completeWith} methods call this: answers {@code callback} with the value
     * of {@code stage} through {@code response}, or with its exception, unwrapped.
     */
    static <T> void _completeWith(CompletionStage<T> stage, AMDCallback callback, Consumer<? super T> response) {
        stage.whenComplete((value, error) -> {
            if (error == null) {
                try {
                    response.accept(value);
                    return;
                } catch (RuntimeException e) { // e.g. a null result for a primitive output
                    error = e;
                }
            }
            Throwable cause = error;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            callback.ice_exception(cause instanceof Exception exception ? exception
                    : new UnknownException(cause.toString(), cause));
        });
    }
}
