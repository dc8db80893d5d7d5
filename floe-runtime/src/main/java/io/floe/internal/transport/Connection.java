package io.floe.internal.transport;

import io.floe.CloseConnectionException;
import io.floe.ConnectionInfo;
import io.floe.ConnectionLostException;
import io.floe.LocalException;
import io.floe.ProtocolException;
import io.floe.internal.dispatch.InFlightDispatch;
import io.floe.internal.dispatch.ReplyChannel;
import io.floe.internal.dispatch.RequestDispatcher;
import io.floe.internal.invoke.OutgoingCall;
import io.floe.internal.invoke.PendingRequests;
import io.floe.protocol.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Ice connection, either side: routes received messages (requests to the dispatcher,
 * replies to the pending calls) and runs the connection's life: validation, heartbeats while
 * dispatches are pending, graceful close with CloseConnection, and loss.
 */
public final class Connection extends ChannelInboundHandlerAdapter implements ReplyChannel {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private enum State { VALIDATING, ACTIVE, CLOSING, CLOSED }

    private final RequestDispatcher dispatcher; // null on a client connection
    private final Executor dispatchExecutor;
    private final Executor completions;
    private final int closeTimeoutMillis;
    private final PendingRequests pending = new PendingRequests();
    private final Set<InFlightDispatch> dispatches = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Connection> validated = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ReplyWriter replies;
    private Queue<Frame> held; // event loop only; made when first needed
    private boolean flushDue; // event loop only
    private volatile long lastWriteNanos = System.nanoTime();
    private boolean readingPaused; // event loop only
    private volatile State state = State.VALIDATING;
    private volatile Channel channel;
    private volatile ConnectionInfo info;
    private volatile LocalException closeReason;

    /** A server connection: it dispatches what it receives and speaks first. */
    static Connection accepted(RequestDispatcher dispatcher, Executor dispatchExecutor, Executor completions,
                               int closeTimeoutMillis, ReplyWriter replies) {
        return new Connection(dispatcher, dispatchExecutor, completions, closeTimeoutMillis, replies);
    }

    /** A client connection: it sends requests once the server validated it. */
    static Connection outgoing(Executor completions, int closeTimeoutMillis) {
        return new Connection(null, completions, completions, closeTimeoutMillis, null);
    }

    private Connection(RequestDispatcher dispatcher, Executor dispatchExecutor, Executor completions,
                       int closeTimeoutMillis, ReplyWriter replies) {
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.dispatchExecutor = dispatchExecutor;
        this.completions = completions;
        this.closeTimeoutMillis = closeTimeoutMillis;
    }

    /** Completes once the server's ValidateConnection arrived (at once on the server side). */
    public CompletableFuture<Connection> validated() {
        return validated;
    }

    public CompletableFuture<Void> closed() {
        return closed;
    }

    public boolean isUsable() {
        return state == State.ACTIVE;
    }

    @Override
    public ConnectionInfo info() {
        ConnectionInfo known = info;
        if (known == null && channel != null && channel.remoteAddress() != null) {
            known = describe(channel); // made when first asked for: most connections never are
            info = known;
        }
        return known;
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public String toString() {
        ConnectionInfo known = info();
        return known == null ? "connection (not connected)" : "connection " + known;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (dispatcher != null) {
            // The server speaks first (ice-protocol.md §5.1).
            ctx.writeAndFlush(Messages.validateConnection(ctx.alloc()));
            state = State.ACTIVE;
            validated.complete(this);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frame frame = (Frame) msg;
        switch (frame.type()) {
            case REQUEST, BATCH_REQUEST -> onRequest(frame);
            case REPLY -> onReply(frame.body());
            case VALIDATE_CONNECTION -> onValidateConnection(frame.body());
            case CLOSE_CONNECTION -> onCloseConnection(ctx, frame.body());
        }
    }

    private void onRequest(Frame frame) {
        if (dispatcher == null || state != State.ACTIVE) {
            // Requests after we started closing are ignored: the peer retries (ice-protocol.md §2.10).
            frame.body().release();
        } else if (readingPaused || dispatcher.isSaturated()) {
            // Decoded from bytes already read: dispatched when the adapter resumes reading.
            if (!readingPaused) {
                readingPaused = true;
                channel.config().setAutoRead(false);
            }
            if (held == null) {
                held = new ArrayDeque<>();
            }
            held.add(frame);
        } else if (frame.type() == MessageType.REQUEST) {
            dispatcher.dispatchRequest(this, frame.body());
        } else {
            dispatcher.dispatchBatch(this, frame.body());
        }
    }

    private void onReply(ByteBuf body) {
        if (body.readableBytes() < 5) {
            body.release();
            throw new ProtocolException("reply of " + body.readableBytes() + " bytes (expected: >= 5)");
        }
        int requestId = body.readIntLE();
        OutgoingCall<?> call = pending.remove(requestId);
        if (call == null) {
            log.debug("{} dropped a reply for unknown request id {}", this, requestId);
            body.release();
            return;
        }
        complete(() -> call.complete(body));
    }

    private void onValidateConnection(ByteBuf body) {
        body.release();
        if (dispatcher == null && state == State.VALIDATING) {
            state = State.ACTIVE;
            validated.complete(this);
        }
        // Otherwise a heartbeat: reading it was the activity.
    }

    private void onCloseConnection(ChannelHandlerContext ctx, ByteBuf body) {
        body.release();
        // The peer executed none of the requests it did not answer (ice-protocol.md §2.7).
        closeReason = new CloseConnectionException(this + " closed by the peer");
        state = State.CLOSING;
        ctx.close();
    }

    /**
     * Sends one twoway request: registers the call, then writes the message the encoder built.
     * {@code message} must have its request id at offset 14, written as 0; it is patched here.
     */
    public <R> void send(OutgoingCall<R> call, ByteBuf message, Consumer<LocalException> notSent) {
        if (state != State.ACTIVE) {
            message.release();
            notSent.accept(closeReason != null ? closeReason : new ConnectionLostException(this + " is closed"));
            return;
        }
        if (call.future().isDone()) { // expired while connecting: nobody waits for it
            message.release();
            return;
        }
        int requestId = pending.register(call);
        call.onForget(() -> pending.remove(requestId));
        message.setIntLE(message.readerIndex() + 14, requestId);
        channel.writeAndFlush(message).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                call.sent(); // hook for sent callbacks (branch i6p): the request left
            } else {
                // The peer is gone: nothing more may be sent here, and this request never left.
                state = State.CLOSED;
                channel.close();
                if (pending.remove(requestId) != null) {
                    LocalException error = new ConnectionLostException(this + ": " + f.cause(), f.cause());
                    complete(() -> notSent.accept(error));
                }
            }
        });
    }

    /** Sends a message that expects no reply (oneway); completes when it is written. */
    public CompletableFuture<Void> sendOneway(ByteBuf message) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        if (state != State.ACTIVE) {
            message.release();
            sent.completeExceptionally(new ConnectionLostException(this + " is closed"));
            return sent;
        }
        channel.writeAndFlush(message).addListener((ChannelFutureListener) f -> complete(() -> {
            if (f.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(new ConnectionLostException(this + ": " + f.cause(), f.cause()));
            }
        }));
        return sent;
    }

    @Override
    public Executor dispatchExecutor() {
        return dispatchExecutor;
    }

    @Override
    public void track(InFlightDispatch dispatch) {
        dispatches.add(dispatch);
    }

    /**
     * Hands the reply to the event loop, which writes it and then ends the dispatch, so a
     * graceful close that waits for the dispatches can never put CloseConnection ahead of it.
     */
    @Override
    public void sendReply(InFlightDispatch dispatch, ByteBuf reply) {
        Channel ch = channel;
        if (ch.eventLoop().inEventLoop()) {
            if (writeReply(dispatch, reply)) {
                flushReplies();
            }
        } else {
            replies.enqueue(this, dispatch, reply);
        }
    }

    /** Event loop: writes without flushing; true when a flush is now due. */
    boolean writeReply(InFlightDispatch dispatch, ByteBuf reply) {
        Channel ch = channel;
        boolean written = ch.isActive();
        if (written) {
            ch.write(reply, ch.voidPromise());
            lastWriteNanos = System.nanoTime();
        } else {
            reply.release();
        }
        endDispatch(dispatch);
        if (written && !flushDue) {
            flushDue = true;
            return true;
        }
        return false;
    }

    /** Event loop. */
    void flushReplies() {
        flushDue = false;
        channel.flush();
    }

    @Override
    public void endDispatch(InFlightDispatch dispatch) {
        if (dispatches.remove(dispatch)) {
            dispatch.ended();
            if (dispatches.isEmpty() && state == State.CLOSING) {
                channel.eventLoop().execute(this::closeIfIdle);
            }
        }
    }

    /**
     * Back-pressure: no request of this connection is dispatched, and nothing more is read from
     * it, until {@link #resumeReading}. Requests already decoded wait here meanwhile.
     */
    public void pauseReading() {
        onEventLoop(() -> {
            readingPaused = true;
            channel.config().setAutoRead(false);
        });
    }

    public void resumeReading() {
        onEventLoop(() -> {
            readingPaused = false;
            while (!readingPaused && held != null && !held.isEmpty()) {
                onRequest(held.poll());
            }
            if (!readingPaused) {
                channel.config().setAutoRead(true);
            }
        });
    }

    private void onEventLoop(Runnable task) {
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        if (ch.eventLoop().inEventLoop()) {
            task.run();
        } else {
            ch.eventLoop().execute(task);
        }
    }

    /**
     * The end of a shutdown's grace period: every request still pending is answered with
     * {@code error}, and its application work is cancelled.
     */
    public void answerPendingWith(LocalException error) {
        List.copyOf(dispatches).forEach(d -> d.answerInstead(error));
    }

    /**
     * Graceful close (ice-protocol.md §5.2): no new requests are dispatched; once every dispatch
     * in progress has replied, CloseConnection goes out and the peer's EOF is awaited, bounded by
     * the close timeout.
     */
    public void closeGracefully() {
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        ch.eventLoop().execute(() -> {
            if (state == State.CLOSED || state == State.CLOSING) {
                return;
            }
            if (state == State.VALIDATING && dispatcher != null) {
                ch.close(); // accepted but not yet active: nothing was said, nothing to wait for
                return;
            }
            state = State.CLOSING;
            closeIfIdle();
        });
    }

    /**
     * The client's communicator is being destroyed: calls still waiting fail at once with
     * {@code reason}, then the connection closes gracefully.
     */
    public void closeAbandoningCalls(LocalException reason) {
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        ch.eventLoop().execute(() -> {
            closeReason = reason;
            complete(() -> pending.failAll(reason));
            if (state != State.CLOSED && state != State.CLOSING) {
                state = State.CLOSING;
            }
            closeIfIdle();
        });
    }

    private void closeIfIdle() {
        if (state != State.CLOSING || !dispatches.isEmpty() || pending.size() > 0 || !channel.isActive()) {
            return;
        }
        channel.writeAndFlush(Messages.closeConnection(channel.alloc()));
        channel.eventLoop().schedule(() -> {
            if (channel.isActive()) {
                log.debug("{} peer did not close within {} ms; closing", this, closeTimeoutMillis);
                channel.close();
            }
        }, closeTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Closes at once, without CloseConnection. */
    public void abort() {
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    /**
     * Sends a heartbeat when dispatches are pending and nothing was written for {@code idleNanos},
     * so a client's ACM never kills a long call (ice-protocol.md §5.3). Any thread.
     */
    public void heartbeatIfIdle(long nowNanos, long idleNanos) {
        if (state == State.ACTIVE && !dispatches.isEmpty() && nowNanos - lastWriteNanos >= idleNanos) {
            onEventLoop(() -> {
                if (state == State.ACTIVE) {
                    lastWriteNanos = System.nanoTime();
                    channel.writeAndFlush(Messages.validateConnection(channel.alloc()), channel.voidPromise());
                }
            });
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        if (held != null) {
            held.forEach(frame -> frame.body().release());
            held.clear();
        }
        LocalException reason = closeReason != null ? closeReason : new ConnectionLostException(this + " lost");
        validated.completeExceptionally(reason);
        if (pending.size() > 0) {
            complete(() -> pending.failAll(reason));
        }
        // Nobody will read these answers: tell the applications working on them.
        if (!dispatches.isEmpty()) {
            String why = "the connection was lost: " + reason.getMessage();
            List.copyOf(dispatches).forEach(d -> d.cancel(why));
        }
        closed.complete(null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable error = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (error instanceof LocalException local) {
            log.warn("{} protocol error, closing the connection: {}", this, local.toString());
            closeReason = local;
        } else if (error instanceof java.io.IOException) {
            log.debug("{} I/O error: {}", this, error.toString());
        } else {
            log.warn("{} unexpected error, closing the connection", this, error);
        }
        ctx.close();
    }

    /** Runs on the client executor; inline once it is shut down, so no call is left waiting. */
    private void complete(Runnable task) {
        try {
            completions.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            task.run();
        }
    }

    private static ConnectionInfo describe(Channel channel) {
        if (channel.localAddress() instanceof InetSocketAddress local
                && channel.remoteAddress() instanceof InetSocketAddress remote) {
            return new ConnectionInfo(local.getAddress().getHostAddress(), local.getPort(),
                    remote.getAddress().getHostAddress(), remote.getPort());
        }
        return new ConnectionInfo(String.valueOf(channel.localAddress()), 0, String.valueOf(channel.remoteAddress()), 0);
    }

    /** For diagnostics and tests. */
    public int dispatchesInProgress() {
        return dispatches.size();
    }
}
