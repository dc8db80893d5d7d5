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
     */
    void whenAnswered(Consumer<DispatchOutcome> listener);
}
