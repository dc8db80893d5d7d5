package io.floe.internal.dispatch;

import io.floe.AsyncReply;
import io.floe.UnknownException;
import io.floe.encoding.Encoder;
import java.lang.ref.Cleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMD side of a dispatch, wrapped by the generated callback: any thread, first completion
 * wins, later ones are logged; never throws into the servant's thread. If the application drops
 * it unanswered, the garbage collector says so and the client gets an UnknownException naming
 * the operation instead of waiting forever.
 */
final class DispatchCompletion implements AsyncReply {
    private static final Logger log = LoggerFactory.getLogger(DispatchCompletion.class);

    private final InFlightDispatch dispatch;
    private final Cleaner.Cleanable dropDetector;

    DispatchCompletion(InFlightDispatch dispatch, Cleaner cleaner) {
        this.dispatch = dispatch;
        this.dropDetector = cleaner.register(this, new DroppedCallback(dispatch));
    }

    @Override
    public void succeed(Encoder results) {
        if (claim("ice_response")) {
            dispatch.replyWithResults(results);
        }
    }

    @Override
    public void fail(Throwable error) {
        if (claim("ice_exception")) {
            dispatch.replyWithException(error);
        }
    }

    @Override
    public boolean isAnswered() {
        return dispatch.isAnswered();
    }

    @Override
    public boolean isCancelled() {
        return dispatch.isCancelled();
    }

    @Override
    public void onCancel(Runnable listener) {
        dispatch.onCancel(listener);
    }

    // Servants race timeouts or answer twice by mistake; neither may throw into their thread.
    private boolean claim(String how) {
        if (dispatch.claim()) {
            dropDetector.clean(); // answered: nothing left to detect
            return true;
        }
        log.warn("{} ignored {}: already answered", dispatch.describe(), how);
        return false;
    }

    /** Holds the dispatch only, never the completion, so the completion can become garbage. */
    private record DroppedCallback(InFlightDispatch dispatch) implements Runnable {
        @Override
        public void run() {
            if (!dispatch.isAnswered()) {
                String operation = dispatch.header().operation();
                log.warn("{}: the AMD callback was garbage-collected without an answer", dispatch.describe());
                dispatch.answerInstead(new UnknownException("the AMD callback of operation '" + operation
                        + "' was garbage-collected without an answer"));
            }
        }
    }
}
