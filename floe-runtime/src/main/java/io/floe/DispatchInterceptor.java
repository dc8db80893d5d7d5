package io.floe;

/**
 * Middleware around every dispatch of an object adapter, registered with
 * {@link ObjectAdapter#addDispatchInterceptor}; the first registered is the outermost. It runs on
 * the dispatch thread before the servant is looked up, so it also sees requests for objects that
 * do not exist. It may:
 * <ul>
 *   <li>inspect {@link IncomingRequest#current()} (identity, operation, context...);</li>
 *   <li>reject the request by throwing (a user exception is status 1, ObjectNotExistException
 *       status 2, and so on, exactly as if the servant had raised it);</li>
 *   <li>observe the outcome with {@link InterceptedRequest#whenAnswered}, for synchronous and AMD
 *       dispatches alike;</li>
 *   <li>call {@code next.proceed(request)} at most once to continue.</li>
 * </ul>
 * A metrics interceptor:
 * <pre>{@code
 * adapter.addDispatchInterceptor((request, next) -> {
 *     String operation = request.current().operation();
 *     request.whenAnswered(outcome -> metrics.record(operation, outcome.status(), outcome.elapsed()));
 *     next.proceed(request);
 * });
 * }</pre>
 * Implementations are called concurrently from every dispatch thread.
 */
@FunctionalInterface
public interface DispatchInterceptor {
    void intercept(InterceptedRequest request, Next next) throws UserException;

    /** The rest of the chain: the next interceptor, or the servant lookup and dispatch. */
    @FunctionalInterface
    interface Next {
        void proceed(InterceptedRequest request) throws UserException;
    }
}
