package io.floe;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The future of one invocation, which also tells when its request was written to a connection
 * (Ice's {@code sent} callback), so a client can bound the requests it has outstanding. A
 * oneway invocation completes when it is sent; a twoway one when its reply came. A request that
 * is never written (the call failed first) never reports being sent.
 */
public final class InvocationFuture<T> extends CompletableFuture<T> {
    private final CompletionStage<Boolean> sent;
    private final Executor executor;

    /**
     * Built by the runtime: {@code sent} completes with whether the request was written before
     * the invoking method returned; callbacks run on {@code executor} (the client thread pool).
     */
    public InvocationFuture(CompletionStage<Boolean> sent, Executor executor) {
        this.sent = requireNonNull(sent, "sent");
        this.executor = requireNonNull(executor, "executor");
    }

    /**
     * Runs {@code callback} on the client thread pool once the request was written, with
     * {@code true} when that happened before the invoking method returned (Ice's
     * {@code sentSynchronously}). A retried request reports only its first write. Returns this.
     */
    public InvocationFuture<T> whenSent(Consumer<Boolean> callback) {
        requireNonNull(callback, "callback");
        sent.thenAcceptAsync(callback, executor);
        return this;
    }

    /** Whether the request was written (so far). */
    public boolean isSent() {
        return sent.toCompletableFuture().isDone();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
