package io.floe.internal.invoke;

import io.floe.FacetNotExistException;
import io.floe.Identity;
import io.floe.LocalException;
import io.floe.ObjectNotExistException;
import io.floe.OperationNotExistException;
import io.floe.UnknownException;
import io.floe.UnknownLocalException;
import io.floe.UnknownUserException;
import io.floe.UserException;
import io.floe.encoding.Decoder;
import io.floe.encoding.InputStream;
import io.floe.internal.InputStreams;
import io.floe.encoding.UserExceptionFactory;
import io.floe.protocol.ReplyStatus;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;

/**
 * One twoway invocation waiting for its reply. The reply is decoded on the client executor,
 * never on the event loop, and completes {@link #future()} with the results, the user exception
 * the operation accepts, or a LocalException (ice-protocol.md §2.5).
 */
public final class OutgoingCall<R> {
    private final String operation;
    private final Decoder<R> results;
    private final UserExceptionFactory exceptions;
    private final InputStreams streams;
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private volatile Runnable forget;
    private volatile Runnable sent = () -> { }; // hook for io.floe.InvocationFuture#whenSent (branch i6p)

    public OutgoingCall(String operation, Decoder<R> results, UserExceptionFactory exceptions,
                        InputStreams streams) {
        this.operation = operation;
        this.results = results;
        this.exceptions = exceptions == null ? UserExceptionFactory.NONE : exceptions;
        this.streams = streams;
    }

    public CompletableFuture<R> future() {
        return future;
    }

    public String operation() {
        return operation;
    }

    public void fail(Throwable error) {
        future.completeExceptionally(error);
    }

    /** Runs {@code action} once the connection wrote the request (on the event loop: keep it short). */
    public void onSent(Runnable action) {
        this.sent = action;
    }

    /** Called by the connection when the request was written. */
    public void sent() {
        sent.run();
    }

    /** How the connection forgets this call once it was sent; set by the connection. */
    public void onForget(Runnable forget) {
        this.forget = forget;
    }

    /** The invocation timeout passed: the connection forgets the call, which fails with {@code error}. */
    public void expire(Throwable error) {
        Runnable forgetting = forget;
        if (forgetting != null) {
            forgetting.run();
        }
        future.completeExceptionally(error);
    }

    /** Decodes the reply body after its request id; takes ownership of {@code body}. */
    public void complete(ByteBuf body) {
        try {
            InputStream in = streams.over(body);
            ReplyStatus status = ReplyStatus.fromCode(in.readByte() & 0xff);
            switch (status) {
                case OK -> {
                    in.startEncapsulation();
                    R value = results == null ? null : results.decode(in);
                    in.endEncapsulation();
                    future.complete(value);
                }
                case USER_EXCEPTION -> {
                    in.startEncapsulation();
                    try {
                        in.throwException(exceptions);
                        throw new UnknownUserException("user exception reply without an exception");
                    } catch (UserException ex) {
                        future.completeExceptionally(ex);
                    }
                }
                case OBJECT_NOT_EXIST, FACET_NOT_EXIST, OPERATION_NOT_EXIST ->
                        future.completeExceptionally(requestFailed(status, in));
                case UNKNOWN_LOCAL_EXCEPTION -> future.completeExceptionally(new UnknownLocalException(in.readString()));
                case UNKNOWN_USER_EXCEPTION -> future.completeExceptionally(new UnknownUserException(in.readString()));
                case UNKNOWN_EXCEPTION -> future.completeExceptionally(new UnknownException(in.readString()));
            }
        } catch (LocalException e) {
            future.completeExceptionally(e);
        } catch (RuntimeException e) {
            future.completeExceptionally(new UnknownException("decoding the reply of " + operation + ": " + e, e));
        } finally {
            body.release();
        }
    }

    private static LocalException requestFailed(ReplyStatus status, InputStream in) {
        Identity id = in.readIdentity();
        String facet = RequestHeader.readFacet(in);
        String op = in.readString();
        return switch (status) {
            case OBJECT_NOT_EXIST -> new ObjectNotExistException(id, facet, op);
            case FACET_NOT_EXIST -> new FacetNotExistException(id, facet, op);
            default -> new OperationNotExistException(id, facet, op);
        };
    }
}
