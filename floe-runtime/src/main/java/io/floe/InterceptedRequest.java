package io.floe;

import java.util.function.Consumer;

/** A request as {@link DispatchInterceptor}s see it: an {@link IncomingRequest} whose outcome can be observed. */
public interface InterceptedRequest extends IncomingRequest {
    /**
     * Calls {@code listener} once with the outcome, synchronous or AMD alike, on the thread that
     * answers, after any servant locator's {@code finished} and before the reply is handed to the
     * connection: by the time the client has the reply, every listener has run. Registered after
     * the answer, it runs at once on the caller's thread. Listeners run in registration order; one
     * that throws is logged and does not change the reply. Keep them short: they delay the reply.
     * When the runtime answers in the servant's place (the adapter's {@code DispatchDeadline}, the
     * end of a shutdown's grace period, an AMD callback dropped unanswered), that answer is the
     * outcome; the listeners then run on a dispatch thread just after it was sent.
     */
    void whenAnswered(Consumer<DispatchOutcome> listener);
}
