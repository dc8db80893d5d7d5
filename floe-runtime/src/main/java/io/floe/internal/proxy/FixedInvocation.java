package io.floe.internal.proxy;

import io.floe.InvocationFuture;
import io.floe.InvocationMode;
import io.floe.InvocationTimeoutException;
import io.floe.LocalException;
import io.floe.NoEndpointException;
import io.floe.OperationMode;
import io.floe.encoding.Decoder;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.UserExceptionFactory;
import io.floe.internal.Instance;
import io.floe.internal.invoke.OutgoingCall;
import io.floe.internal.invoke.RequestEncoder;
import io.floe.internal.invoke.RetryException;
import io.floe.internal.transport.Connection;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.util.Timeout;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One call of a fixed proxy: sent over its connection, once. Unlike {@link Invocation} there is
 * no endpoint to fail over to and nothing to retry, as in Ice: a failure is the call's outcome.
 */
final class FixedInvocation<R> {
    private final Instance instance;
    private final FixedReference reference;
    private final Connection connection;
    private final CompletableFuture<Boolean> sent = new CompletableFuture<>();
    private volatile boolean started; // the invoking method returned

    FixedInvocation(Instance instance, FixedReference reference, Connection connection) {
        this.instance = instance;
        this.reference = reference;
        this.connection = connection;
    }

    InvocationFuture<R> invoke(String operation, OperationMode opMode, FormatType format, Encoder params,
                               Decoder<R> results, UserExceptionFactory exceptions, Map<String, String> context) {
        InvocationFuture<R> future = new InvocationFuture<>(sent, instance.clientExecutor());
        try {
            send(future, operation, opMode, format, params, results, exceptions, context);
        } finally {
            started = true;
        }
        return future;
    }

    private void send(InvocationFuture<R> future, String operation, OperationMode opMode, FormatType format,
                      Encoder params, Decoder<R> results, UserExceptionFactory exceptions,
                      Map<String, String> context) {
        InvocationMode mode = reference.mode();
        LocalException refused = refusal(operation, mode, results != null);
        if (refused != null) {
            future.completeExceptionally(refused);
            return;
        }
        ByteBuf message;
        try {
            RequestHeader header = new RequestHeader(0, reference.identity(), reference.facet(), operation, opMode,
                    context);
            message = RequestEncoder.encode(header, reference.encoding(),
                    format == null ? FormatType.DEFAULT : format, instance.defaultFormat(), params);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return;
        }
        if (reference.compress()) {
            RequestEncoder.askForCompression(message);
        }
        switch (mode) {
            case BATCH_ONEWAY -> {
                connection.queueBatch(message);
                markSent();
                future.complete(null);
            }
            case ONEWAY -> connection.sendOneway(message).whenComplete((v, e) -> {
                if (e == null) {
                    markSent();
                    future.complete(null);
                } else {
                    future.completeExceptionally(notRetried(e));
                }
            });
            default -> {
                OutgoingCall<R> call = new OutgoingCall<>(operation, results, exceptions, instance.inputStreams());
                call.onSent(this::markSent);
                call.future().whenComplete((v, e) -> {
                    if (e == null) {
                        future.complete(v);
                    } else {
                        future.completeExceptionally(e);
                    }
                });
                expireAfter(call, future, operation);
                connection.send(call, message, e -> call.fail(notRetried(e)));
            }
        }
    }

    /** A fixed proxy has nowhere else to go: a refused request fails with why its connection closed. */
    private static Throwable notRetried(Throwable error) {
        return error instanceof RetryException retry ? retry.reason() : error;
    }

    private void markSent() {
        sent.complete(!started);
    }

    /** Why the call cannot even be attempted, or null. */
    private LocalException refusal(String operation, InvocationMode mode, boolean hasResults) {
        if (connection.isClosing() && connection.closeReason() != null) {
            return connection.closeReason(); // as Ice: what closed the connection
        }
        if (reference.secure()) {
            return new NoEndpointException("fixed proxy '" + reference + "' is secure and its connection is not"
                    + " (ssl is not supported yet)");
        }
        return ProxyReference.modeRefusal(operation, mode, hasResults, "fixed proxy", reference);
    }

    /** As a proxy with endpoints: the call is forgotten, a late reply dropped, the connection kept. */
    private void expireAfter(OutgoingCall<R> call, CompletableFuture<R> future, String operation) {
        int timeout = reference.invocationTimeout();
        if (timeout <= 0) {
            return;
        }
        Timeout timer = instance.timer().newTimeout(t -> ProxyReference.onClientPool(instance, () -> call.expire(
                new InvocationTimeoutException("no reply to " + operation + " on '" + reference.identity()
                        + "' within " + timeout + " ms (invocation timeout)"))), timeout, TimeUnit.MILLISECONDS);
        future.whenComplete((v, e) -> timer.cancel());
    }
}
