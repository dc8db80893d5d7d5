package io.floe.internal.dispatch;

import io.floe.AsyncReply;
import io.floe.encoding.Encoder;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one answer of a dispatch, synchronous or AMD: any thread, first completion wins, later
 * ones are logged; never throws into the servant's thread.
 */
final class DispatchCompletion implements AsyncReply {
    private static final Logger log = LoggerFactory.getLogger(DispatchCompletion.class);

    private final AtomicBoolean answered = new AtomicBoolean();
    private final Incoming request;

    DispatchCompletion(Incoming request) {
        this.request = request;
    }

    @Override
    public void succeed(Encoder results) {
        if (claim("ice_response")) {
            request.replyWithResults(results);
        }
    }

    @Override
    public void fail(Throwable error) {
        if (claim("ice_exception")) {
            request.replyWithException(error);
        }
    }

    @Override
    public boolean isAnswered() {
        return answered.get();
    }

    /** Claims the reply for the runtime itself (sync results, exceptions from the dispatch thread). */
    boolean claim() {
        return answered.compareAndSet(false, true);
    }

    // Servants race timeouts or answer twice by mistake; neither may throw into their thread.
    private boolean claim(String how) {
        if (answered.compareAndSet(false, true)) {
            return true;
        }
        log.warn("{} ignored {} for request {} ({}): already answered",
                request.describeConnection(), how, request.header().requestId(), request.header().operation());
        return false;
    }
}
