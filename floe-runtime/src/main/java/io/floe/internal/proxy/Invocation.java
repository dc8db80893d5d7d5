package io.floe.internal.proxy;

import io.floe.CommunicatorDestroyedException;
import io.floe.InvocationFuture;
import io.floe.NoEndpointException;
import io.floe.ObjectNotExistException;
import io.floe.OperationMode;
import io.floe.encoding.Decoder;
import io.floe.encoding.UserExceptionFactory;
import io.floe.internal.Instance;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.internal.invoke.OutgoingCall;
import io.floe.internal.invoke.RequestEncoder;
import io.floe.internal.invoke.RetryException;
import io.floe.internal.locator.LocatorResolver;
import io.floe.internal.transport.Connection;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote invocation from the application's point of view, over as many attempts as
 * {@link RetryPolicy} allows (ice-protocol.md §5.6). An attempt connects to the proxy's endpoints
 * in turn until one answers (failover), then sends the encoded request; a failure the policy
 * deems safe starts a new attempt after the configured delay. {@link #future()} completes once,
 * with the last attempt's outcome.
 */
final class Invocation<R> {
    private static final Logger log = LoggerFactory.getLogger(Invocation.class);

    private final Instance instance;
    private final ProxyReference reference;
    private final String operation;
    private final OperationMode mode;
    private final Decoder<R> results;
    private final UserExceptionFactory exceptions;
    private final ByteBuf message; // released when the future completes
    private final boolean oneway;
    private final CompletableFuture<Boolean> sent = new CompletableFuture<>();
    private final InvocationFuture<R> future;
    private volatile boolean started; // the invoking method returned
    private volatile OutgoingCall<R> current;
    private int retries; // attempts run one after the other, never concurrently

    Invocation(Instance instance, ProxyReference reference, String operation, OperationMode mode,
               Decoder<R> results, UserExceptionFactory exceptions, ByteBuf message, boolean oneway) {
        this.instance = instance;
        this.reference = reference;
        this.operation = operation;
        this.mode = mode;
        this.results = results;
        this.exceptions = exceptions;
        this.message = message;
        this.oneway = oneway;
        this.future = new InvocationFuture<>(sent, instance.clientExecutor());
        future.whenComplete((v, e) -> message.release());
    }

    InvocationFuture<R> future() {
        return future;
    }

    void start() {
        attempt();
        started = true;
    }

    /** The invocation timeout passed: the attempt in flight is forgotten by its connection. */
    void expire(RuntimeException error) {
        OutgoingCall<R> call = current;
        if (call != null) {
            call.expire(error);
        }
        future.completeExceptionally(error);
    }

    private void attempt() {
        if (future.isDone()) {
            return;
        }
        if (!reference.isIndirect()) {
            connect(reference.connectionOrder(), 0, null);
            return;
        }
        TcpEndpoint connected = reference.connectedEndpoint();
        if (connected != null) {
            connect(List.of(connected), 0, new Located(reference.resolver(), true));
        } else {
            resolve(Lookup.FIRST);
        }
    }

    /** AGAIN: the cached endpoints just failed and were dropped; Ice makes one such fresh look-up at once. */
    private enum Lookup { FIRST, AGAIN }

    /** Where an indirect reference's endpoints came from, for what to do when none connects. */
    private record Located(LocatorResolver resolver, boolean fromCache) {}

    /** Asks the locator (or its cache) for the endpoints, then connects. */
    private void resolve(Lookup lookup) {
        LocatorResolver resolver = reference.resolver();
        resolver.resolve(reference).whenComplete((resolution, error) -> {
            if (future.isDone()) {
                return;
            }
            if (error != null) {
                failed(error, Sent.NO); // NotRegisteredException, or why the locator did not answer
                return;
            }
            List<TcpEndpoint> order = reference.connectionOrder(resolution.endpoints());
            if (order.isEmpty()) {
                failed(new NoEndpointException("proxy '" + reference + "': the locator knows no tcp endpoint for"
                        + " it (resolved: " + resolution.endpoints() + ")"), Sent.NO);
                return;
            }
            connect(order, 0, new Located(resolver, resolution.cached() && lookup == Lookup.FIRST));
        });
    }

    private void connect(List<TcpEndpoint> order, int index, Located located) {
        TcpEndpoint endpoint = order.get(index);
        reference.connector().whenConnected(reference.forConnecting(endpoint), (connection, error) -> {
            if (error != null) {
                reference.forgetConnection(endpoint);
                if (index + 1 < order.size() && !future.isDone()) {
                    log.debug("{}: cannot connect to {} ({}), trying {}", operation, endpoint, error.toString(),
                            order.get(index + 1));
                    connect(order, index + 1, located);
                } else if (located != null) {
                    noneConnected(located, error);
                } else {
                    failed(error, Sent.NO);
                }
                return;
            }
            reference.rememberConnection(endpoint);
            if (located != null && reference.compress(endpoint)) {
                RequestEncoder.askForCompression(message); // known only now that the endpoint is
            }
            send(connection);
        });
    }

    /**
     * As Ice: the locator's answer is dropped from the cache; if it came from the cache the
     * locator is asked again at once (the server may have moved), else the failure is the
     * attempt's, and the retry policy decides.
     */
    private void noneConnected(Located located, Throwable error) {
        located.resolver().forget(reference);
        if (located.fromCache() && !future.isDone()) {
            log.debug("{} on '{}': cached endpoints failed ({}); asking the locator again", operation, reference,
                    error.toString());
            resolve(Lookup.AGAIN);
        } else {
            failed(error, Sent.NO);
        }
    }

    private void send(Connection connection) {
        if (future.isDone()) { // expired while connecting
            return;
        }
        if (oneway) {
            connection.sendOneway(message.retainedDuplicate()).whenComplete((v, e) -> {
                if (e == null) {
                    markSent();
                    future.complete(null);
                } else {
                    failed(e, Sent.NO); // the write failed: nothing left
                }
            });
            return;
        }
        OutgoingCall<R> call = new OutgoingCall<>(operation, results, exceptions, instance.inputStreams());
        current = call;
        call.onSent(this::markSent);
        call.future().whenComplete((v, e) -> {
            if (e == null) {
                future.complete(v);
            } else {
                failed(e, Sent.MAYBE);
            }
        });
        connection.send(call, message.retainedDuplicate(), notSent -> failed(notSent, Sent.NO));
    }

    private void markSent() {
        sent.complete(!started);
    }

    private enum Sent { NO, MAYBE }

    private void failed(Throwable error, Sent sent) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (future.isDone()) {
            return;
        }
        if (cause instanceof RetryException refused) {
            // Refused untouched by a closing connection: another connection, and no retry used up
            // (Ice's RetryException). The connector hands out open connections only, so this ends.
            if (refused.reason() instanceof CommunicatorDestroyedException destroyed) {
                future.completeExceptionally(destroyed);
            } else {
                log.debug("{} on '{}' refused by a closing connection ({}); sending it on another", operation,
                        reference, refused.reason().toString());
                attempt();
            }
            return;
        }
        if (cause instanceof ObjectNotExistException && reference.isWellKnown() && reference.resolver() != null) {
            reference.resolver().forget(reference); // as Ice: the object may live elsewhere now
        }
        int delay = instance.clientDefaults().retryPolicy().delayBeforeRetry(cause, sent == Sent.MAYBE, mode,
                reference.isIndirect(), retries);
        if (delay == RetryPolicy.NO_RETRY) {
            future.completeExceptionally(cause);
            return;
        }
        retries++;
        log.debug("{} on '{}' failed ({}); retry {} in {} ms", operation, reference, cause.toString(), retries, delay);
        if (delay == 0) {
            attempt();
        } else {
            instance.timer().newTimeout(t -> attempt(), delay, TimeUnit.MILLISECONDS);
        }
    }
}
