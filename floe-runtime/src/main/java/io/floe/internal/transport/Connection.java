package io.floe.internal.transport;

import io.floe.CloseConnectionException;
import io.floe.CommunicatorDestroyedException;
import io.floe.CompressBatch;
import io.floe.ConnectionClose;
import io.floe.ConnectionInfo;
import io.floe.ConnectionLostException;
import io.floe.ConnectionManuallyClosedException;
import io.floe.ConnectionTimeoutException;
import io.floe.LocalException;
import io.floe.ObjectAdapter;
import io.floe.ProtocolException;
import io.floe.internal.Instance;
import io.floe.internal.dispatch.InFlightDispatch;
import io.floe.internal.dispatch.ReplyChannel;
import io.floe.internal.dispatch.RequestDispatcher;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.internal.invoke.BatchRequestQueue;
import io.floe.internal.invoke.OutgoingCall;
import io.floe.internal.invoke.PendingRequests;
import io.floe.internal.invoke.RetryException;
import io.floe.protocol.MessageType;
import io.floe.internal.pool.LoopExecutor;
import io.floe.internal.pool.LoopWatch;
import io.floe.protocol.MessageHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.unix.UnixChannel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Ice connection, either side: routes received messages (requests to the dispatcher,
 * replies to the pending calls) and runs the connection's life: validation, heartbeats while
 * dispatches are pending, graceful close with CloseConnection, and loss. The application sees it
 * through its {@link ConnectionHandle} ({@code io.floe.Connection}); this class is the runtime's.
 * Past the usual size because every transition (validation, sends, replies, the close modes,
 * loss) reads and writes the same state on the event loop; the public API, framing, pending
 * calls, batching, reply writing and the ACM decision ({@link AcmAction}) are other classes.
 */
public final class Connection extends ChannelInboundHandlerAdapter implements ReplyChannel {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    /** A dispatch holding its loop this long counts as blocking it (for heartbeats only). */
    private static final long BLOCKED_LOOP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private enum State { VALIDATING, ACTIVE, CLOSING, CLOSED }

    /** Who dispatches the requests the peer sends, and where; swapped whole by {@code setAdapter}. */
    private record Route(RequestDispatcher dispatcher, Executor executor) {
    }

    private final Instance instance;
    private final boolean incoming;
    private final TcpEndpoint endpoint;
    private final String connectionId;
    private final ConnectionHandle handle;
    private volatile Route route;
    private final Executor completions;
    private final int closeTimeoutMillis;
    private final PendingRequests pending = new PendingRequests();
    private final Set<InFlightDispatch> dispatches = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Connection> validated = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private ReplyWriter replies; // set when the channel is registered, before any read
    private final ReplyChannel compressedReplies = new CompressedReplies();
    private final BatchRequestQueue batchRequests;
    private Queue<Frame> held; // event loop only; made when first needed
    private boolean flushDue; // event loop only
    private volatile LoopWatch loopWatch; // the loop's dispatch watch, when requests are dispatched on it
    private boolean reading; // event loop only: between channelRead and channelReadComplete
    private List<Answered> answered; // event loop only: replies of the current read burst
    private final Acm configuredAcm;
    private volatile Acm acm;
    private volatile long lastWriteNanos = System.nanoTime(); // any message
    private volatile long lastReadNanos = System.nanoTime(); // any message
    private volatile long lastUseNanos = System.nanoTime(); // a request, batch or reply, either way
    private boolean readingPaused; // event loop only
    private volatile State state = State.VALIDATING;
    private volatile Channel channel;
    private volatile ConnectionInfo info;
    private volatile LocalException closeReason;
    private volatile Runnable sendHook; // tests only

    /** A server connection, accepted on {@code endpoint}: it dispatches what it receives and speaks first. */
    static Connection accepted(Instance instance, TcpEndpoint endpoint, RequestDispatcher dispatcher,
                               Executor dispatchExecutor, ConnectionSettings settings) {
        return new Connection(instance, true, endpoint, "", new Route(dispatcher, dispatchExecutor), settings);
    }

    /**
     * A client connection to {@code endpoint}, for the proxies of {@code connectionId}: it sends
     * requests once the server validated it; requests from the peer get ObjectNotExistException
     * until an adapter is set.
     */
    static Connection outgoing(Instance instance, TcpEndpoint endpoint, String connectionId,
                               ConnectionSettings settings) {
        return new Connection(instance, false, endpoint, connectionId,
                new Route(instance.dispatcherWithoutAdapter(), instance.clientExecutor()), settings);
    }

    private Connection(Instance instance, boolean incoming, TcpEndpoint endpoint, String connectionId, Route route,
                       ConnectionSettings settings) {
        this.instance = instance;
        this.incoming = incoming;
        this.endpoint = endpoint;
        this.connectionId = connectionId;
        this.route = route;
        this.completions = instance.clientExecutor();
        this.closeTimeoutMillis = settings.closeTimeoutMillis();
        this.configuredAcm = settings.acm();
        this.acm = configuredAcm;
        this.batchRequests = new BatchRequestQueue(settings.batchAutoFlushBytes(), this::sendBatch);
        this.handle = new ConnectionHandle(instance, this);
    }

    /** The application's view of this connection; one per connection. */
    public ConnectionHandle handle() {
        return handle;
    }

    @Override
    public io.floe.Connection connection() {
        return handle;
    }

    boolean incoming() {
        return incoming;
    }

    /** The endpoint it was made to, or accepted on. */
    public TcpEndpoint endpoint() {
        return endpoint;
    }

    /** Completes once the server's ValidateConnection arrived (at once on the server side). */
    public CompletableFuture<Connection> validated() {
        return validated;
    }

    public CompletableFuture<Void> closed() {
        return closed;
    }

    public Acm acm() {
        return acm;
    }

    /** ACM as the properties configured it, before any {@code setACM}. */
    Acm configuredAcm() {
        return configuredAcm;
    }

    void setAcm(Acm changed) {
        acm = changed;
        instance.transport().acm().update(this);
    }

    public boolean isUsable() {
        return state == State.ACTIVE;
    }

    /** Closing or closed: nothing more may be sent. */
    public boolean isClosing() {
        return state == State.CLOSING || state == State.CLOSED;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Why it closed or is closing; null while it is open. */
    public LocalException closeReason() {
        return closeReason;
    }

    /** Known once connected. */
    @Override
    public ConnectionInfo info() {
        return info;
    }

    /**
     * Requests from the peer go to {@code dispatcher} from now on, on {@code executor}; null for
     * both: ObjectNotExistException, as for a client connection without an adapter.
     */
    public void route(RequestDispatcher dispatcher, Executor executor) {
        route = dispatcher == null ? new Route(instance.dispatcherWithoutAdapter(), completions)
                : new Route(dispatcher, executor);
        ConnectionInfo known = info;
        if (known != null) {
            info = known.withAdapterName(adapterName());
        }
    }

    /** The adapter that dispatches the peer's requests, or null. */
    ObjectAdapter adapter() {
        return route.dispatcher().adapter();
    }

    private String adapterName() {
        ObjectAdapter adapter = adapter();
        return adapter == null ? "" : adapter.name();
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
        replies = instance.transport().replyWriter(channel.eventLoop());
        loopWatch = route.executor() instanceof LoopExecutor loop ? loop.watchOf(channel.eventLoop()) : null;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        info = describe(ctx.channel());
        if (incoming) {
            // The server speaks first (ice-protocol.md §5.1).
            ctx.writeAndFlush(Messages.validateConnection(ctx.alloc()));
            state = State.ACTIVE;
            validated.complete(this);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        Frame frame = (Frame) msg;
        long now = System.nanoTime();
        lastReadNanos = now;
        if (frame.type() == MessageType.REQUEST || frame.type() == MessageType.BATCH_REQUEST
                || frame.type() == MessageType.REPLY) {
            lastUseNanos = now;
        }
        switch (frame.type()) {
            case REQUEST, BATCH_REQUEST -> onRequest(frame);
            case REPLY -> onReply(frame.body());
            case VALIDATE_CONNECTION -> onValidateConnection(frame.body());
            case CLOSE_CONNECTION -> onCloseConnection(ctx, frame.body());
        }
    }

    /** The end of a read burst: the replies of the requests it dispatched inline leave in one flush. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        completeAnswered();
        if (flushDue) {
            flushReplies();
        }
        ctx.fireChannelReadComplete();
    }

    private void onRequest(Frame frame) {
        Route to = route;
        if (state != State.ACTIVE) {
            // Requests after we started closing are ignored: the peer retries (ice-protocol.md §2.10).
            frame.body().release();
        } else if (readingPaused || to.dispatcher().isSaturated()) {
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
            to.dispatcher().dispatchRequest(frame.compressionSupported() ? compressedReplies : this, frame.body());
        } else {
            to.dispatcher().dispatchBatch(this, frame.body());
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
            if (pending.wasIssued(requestId)) {
                log.debug("{} dropped a late reply for request id {}: its call timed out or was abandoned", this,
                        requestId);
            } else {
                log.warn("{} dropped a reply for request id {}, which it never sent; the connection stays open",
                        this, requestId);
            }
            body.release();
            return;
        }
        if (answered == null) {
            answered = new ArrayList<>();
        }
        answered.add(new Answered(call, body));
        if (state == State.CLOSING && pending.size() == 0) {
            closeIfIdle(); // a graceful close waited for this last reply
        }
    }

    /** A reply read in this burst, for the call that waited for it. */
    private record Answered(OutgoingCall<?> call, ByteBuf body) {
    }

    /**
     * Event loop, at the end of a read burst (or when the channel goes): the replies it read are
     * decoded and their calls completed by one task on the client pool, not one task each.
     */
    private void completeAnswered() {
        List<Answered> burst = answered;
        if (burst == null) {
            return;
        }
        answered = null;
        if (burst.size() == 1) {
            Answered only = burst.get(0);
            complete(() -> only.call().complete(only.body()));
        } else {
            complete(() -> burst.forEach(a -> a.call().complete(a.body())));
        }
    }

    private void onValidateConnection(ByteBuf body) {
        body.release();
        if (!incoming && state == State.VALIDATING) {
            state = State.ACTIVE;
            validated.complete(this);
        } else {
            handle.heartbeatReceived(); // reading it was the activity
        }
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
     * {@code notSent} hears, on the client executor, a {@link RetryException} when the connection
     * is closing or closed, or a ConnectionLostException when the write failed.
     *
     * <p>Whether the connection still takes requests is decided on the event loop, where ACM and
     * every close decide too: a request either goes out before CloseConnection (which then waits
     * for its reply) or is refused untouched. Checked on the caller's thread, a request could pass
     * the check, lose the race to the idle close and go out after CloseConnection, to be ignored by
     * the peer and fail as a lost connection.
     */
    public <R> void send(OutgoingCall<R> call, ByteBuf message, Consumer<? super RuntimeException> notSent) {
        runSendHook();
        if (!onEventLoop(() -> sendNow(call, message, notSent))) {
            message.release();
            notSent.accept(new RetryException(new CommunicatorDestroyedException(this + ": its event loop is shut down")));
        }
    }

    // Event loop.
    private <R> void sendNow(OutgoingCall<R> call, ByteBuf message, Consumer<? super RuntimeException> notSent) {
        if (state != State.ACTIVE) {
            message.release();
            RetryException refused = refusal();
            complete(() -> notSent.accept(refused));
            return;
        }
        if (call.future().isDone()) { // expired while connecting: nobody waits for it
            message.release();
            return;
        }
        int requestId = pending.register(call);
        call.onForget(() -> onEventLoop(() -> pending.remove(requestId))); // from the timer or an abandoning thread
        message.setIntLE(message.readerIndex() + 14, requestId);
        touchWrite();
        writeAndFlush(message, channel.newPromise()).addListener((ChannelFutureListener) f -> {
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

    // Event loop, state not ACTIVE.
    private RetryException refusal() {
        return new RetryException(whyClosed());
    }

    // Event loop, state not ACTIVE: what closed it, or that it is closed.
    private LocalException whyClosed() {
        LocalException reason = closeReason;
        return reason != null ? reason : new ConnectionLostException(this + " is closed");
    }

    // Event loop: writes the message; written completes on the client executor.
    private void writeCompleting(ByteBuf message, CompletableFuture<Void> written) {
        writeAndFlush(message, channel.newPromise()).addListener((ChannelFutureListener) f -> complete(() -> {
            if (f.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(new ConnectionLostException(this + ": " + f.cause(), f.cause()));
            }
        }));
    }

    /**
     * Sends a message that expects no reply (oneway); completes on the client executor once it is
     * written, or with a {@link RetryException} when the connection is closing or closed (decided
     * on the event loop, as for {@link #send}), or a ConnectionLostException when the write failed.
     */
    public CompletableFuture<Void> sendOneway(ByteBuf message) {
        runSendHook();
        CompletableFuture<Void> sent = new CompletableFuture<>();
        boolean queued = onEventLoop(() -> {
            if (state != State.ACTIVE) {
                message.release();
                RetryException refused = refusal();
                complete(() -> sent.completeExceptionally(refused));
                return;
            }
            touchWrite();
            writeCompleting(message, sent);
        });
        if (!queued) {
            message.release();
            sent.completeExceptionally(new RetryException(new CommunicatorDestroyedException(this
                    + ": its event loop is shut down")));
        }
        return sent;
    }

    /** A BatchRequest is never retried elsewhere (as Ice): a refusal is reported as its reason. */
    private CompletableFuture<Void> sendBatch(ByteBuf batch) {
        return sendOneway(batch).exceptionallyCompose(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            return CompletableFuture.failedFuture(cause instanceof RetryException retry ? retry.reason() : cause);
        });
    }

    /**
     * Queues one batch-oneway request (ice-protocol.md §2.4) for the next BatchRequest of this
     * connection: {@code request} is the whole Request message as {@code RequestEncoder} built it
     * (request id 0, compression status 1 if its endpoint has {@code -z}); this takes ownership.
     * It goes out on {@link #flushBatch()}, {@code Communicator.flushBatchRequests()}, or when the
     * batch reaches {@code Ice.BatchAutoFlushSize}. Any thread.
     */
    public void queueBatch(ByteBuf request) {
        if (state == State.CLOSED) {
            request.release(); // as Ice: batched requests of a lost connection are dropped silently
            return;
        }
        batchRequests.add(request);
    }

    /**
     * Sends the queued batch-oneway requests as one BatchRequest message; completes once it is
     * written, at once if none is queued, or with ConnectionLostException if the connection is gone.
     */
    public CompletableFuture<Void> flushBatch() {
        return batchRequests.flush();
    }

    /** The batch-oneway requests waiting on this connection. */
    public BatchRequestQueue batchRequests() {
        return batchRequests;
    }

    @Override
    public Executor dispatchExecutor() {
        return route.executor();
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
            // Within a read burst the flush waits for channelReadComplete.
            if (writeReply(dispatch, reply) && !reading) {
                flushReplies();
            }
        } else {
            replies.enqueue(this, dispatch, reply);
        }
    }

    /**
     * This connection as seen by a request that came with compression status 1 or 2: its reply
     * asks for compression too, so the {@link Compressor} sends it compressed when it is at least
     * 100 bytes (ice-protocol.md §2.9).
     */
    private final class CompressedReplies implements ReplyChannel {
        @Override
        public ByteBufAllocator alloc() {
            return Connection.this.alloc();
        }

        @Override
        public Executor dispatchExecutor() {
            return Connection.this.dispatchExecutor();
        }

        @Override
        public ConnectionInfo info() {
            return Connection.this.info();
        }

        @Override
        public io.floe.Connection connection() {
            return handle;
        }

        @Override
        public void track(InFlightDispatch dispatch) {
            Connection.this.track(dispatch);
        }

        @Override
        public void sendReply(InFlightDispatch dispatch, ByteBuf reply) {
            Compressor.askForCompression(reply);
            Connection.this.sendReply(dispatch, reply);
        }

        @Override
        public void endDispatch(InFlightDispatch dispatch) {
            Connection.this.endDispatch(dispatch);
        }

        @Override
        public String toString() {
            return Connection.this.toString();
        }
    }

    /** Event loop: writes without flushing; true when a flush is now due. */
    boolean writeReply(InFlightDispatch dispatch, ByteBuf reply) {
        Channel ch = channel;
        boolean written = ch.isActive();
        if (written) {
            ch.write(reply, ch.voidPromise());
            touchWrite();
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
        LoopWatch watch = loopWatch;
        boolean locked = watch != null && watch.lockIfDispatching();
        try {
            channel.flush();
        } finally {
            if (locked) {
                watch.unlock();
            }
        }
    }

    /**
     * Event loop: every write that flushes goes through here, so that while a servant holds the
     * loop, a heartbeat written by another thread ({@link #monitor}) never meets it on the socket.
     */
    private ChannelFuture writeAndFlush(Object message, ChannelPromise promise) {
        LoopWatch watch = loopWatch;
        boolean locked = watch != null && watch.lockIfDispatching();
        try {
            return channel.writeAndFlush(message, promise);
        } finally {
            if (locked) {
                watch.unlock();
            }
        }
    }

    @Override
    public void endDispatch(InFlightDispatch dispatch) {
        if (dispatches.remove(dispatch)) {
            dispatch.ended();
            if (dispatches.isEmpty() && state == State.CLOSING) {
                try {
                    channel.eventLoop().execute(this::closeIfIdle);
                } catch (RejectedExecutionException e) {
                    // The event loops are shut down, and with them this channel.
                }
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

    /** Runs {@code task} on this connection's event loop; false when it cannot (not registered, or shut down). */
    private boolean onEventLoop(Runnable task) {
        Channel ch = channel;
        if (ch == null) {
            return false;
        }
        if (ch.eventLoop().inEventLoop()) {
            task.run();
            return true;
        }
        try {
            ch.eventLoop().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
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
     * the close timeout. {@code reason} is what {@code throwException} reports.
     */
    public void closeGracefully(LocalException reason) {
        onEventLoop(() -> {
            if (state == State.CLOSED || state == State.CLOSING) {
                return;
            }
            if (closeReason == null) {
                closeReason = reason;
            }
            if (state == State.VALIDATING && incoming) {
                channel.close(); // accepted but not yet active: nothing was said, nothing to wait for
                return;
            }
            state = State.CLOSING;
            if (!incoming) {
                // A client waits for its pending replies, but no longer than the close timeout.
                Channel ch = channel;
                ch.eventLoop().schedule(() -> {
                    if (ch.isActive() && (pending.size() > 0 || !dispatches.isEmpty())) {
                        log.debug("{} replies still pending after {} ms of graceful close; closing", this,
                                closeTimeoutMillis);
                        ch.close();
                    }
                }, closeTimeoutMillis, TimeUnit.MILLISECONDS);
            }
            closeIfIdle();
        });
    }

    /**
     * {@code io.floe.Connection.close}: forcefully at once, or gracefully after failing the calls
     * that wait for replies (ConnectionManuallyClosedException); GRACEFULLY_WITH_WAIT waits for
     * those replies first ({@link #whenNoPendingCalls}), which is the caller's part. Completes once
     * the connection is closing (as Ice's close, which changes the state before it returns), not
     * once it is closed.
     */
    CompletableFuture<Void> closeByApplication(ConnectionClose mode) {
        boolean graceful = mode != ConnectionClose.FORCEFULLY;
        CompletableFuture<Void> decided = new CompletableFuture<>();
        boolean queued = onEventLoop(() -> {
            try {
                if (state == State.CLOSED || (graceful && state == State.CLOSING)) {
                    return;
                }
                if (closeReason == null) {
                    closeReason = new ConnectionManuallyClosedException(graceful, this
                            + " closed by the application (" + mode + ")");
                }
                state = State.CLOSING; // CLOSED once the channel is inactive
                if (!graceful) {
                    channel.close();
                    return;
                }
                abandonPendingCalls(closeReason);
                closeIfIdle();
            } finally {
                decided.complete(null);
            }
        });
        if (!queued) {
            decided.complete(null); // no event loop left: the channel is closed already
        }
        return decided;
    }

    /**
     * Completes once no call of this connection waits for a reply, counting the requests already
     * handed to {@link #send}: the check runs on the event loop, behind them.
     */
    CompletableFuture<Void> whenNoPendingCalls() {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        if (!onEventLoop(() -> pending.whenEmpty().whenComplete((v, e) -> drained.complete(null)))) {
            drained.complete(null); // no event loop: nothing can be pending
        }
        return drained;
    }

    /**
     * The client's communicator is being destroyed: calls still waiting fail at once with
     * {@code reason}, then the connection closes gracefully.
     */
    public void closeAbandoningCalls(LocalException reason) {
        onEventLoop(() -> {
            closeReason = reason;
            abandonPendingCalls(reason);
            if (state != State.CLOSED && state != State.CLOSING) {
                state = State.CLOSING;
            }
            closeIfIdle();
        });
    }

    // Event loop: removed now, so closeIfIdle sees none; failed on the client executor.
    private void abandonPendingCalls(LocalException reason) {
        List<OutgoingCall<?>> abandoned = pending.removeAll();
        if (!abandoned.isEmpty()) {
            complete(() -> abandoned.forEach(call -> call.fail(reason)));
        }
    }

    /** Writes a heartbeat (ValidateConnection); completes once written, or with why it cannot be. */
    CompletableFuture<Void> sendHeartbeat() {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        boolean queued = onEventLoop(() -> {
            if (state != State.ACTIVE || !channel.isActive()) {
                sent.completeExceptionally(whyClosed());
                return;
            }
            lastWriteNanos = System.nanoTime(); // a heartbeat is no use of the connection (checkAcm)
            writeCompleting(Messages.validateConnection(channel.alloc()), sent);
        });
        if (!queued) {
            sent.completeExceptionally(new CommunicatorDestroyedException("the communicator was destroyed"));
        }
        return sent;
    }

    /**
     * Sends the queued batch as {@code compress} says; completes once written, at once if nothing
     * is queued, or with why it cannot be.
     */
    public CompletableFuture<Void> flushBatch(CompressBatch compress) {
        return batchRequests.flush(compress);
    }

    private void closeIfIdle() {
        if (state != State.CLOSING || !dispatches.isEmpty() || pending.size() > 0 || !channel.isActive()) {
            return;
        }
        writeAndFlush(Messages.closeConnection(channel.alloc()), channel.voidPromise());
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

    private void touchWrite() {
        long now = System.nanoTime();
        lastWriteNanos = now;
        lastUseNanos = now;
    }

    /**
     * Tests: {@code hook} runs once, on the sender's thread, when the next request reaches this
     * connection, before anything is decided; it lets a test close the connection right then.
     */
    void beforeNextSend(Runnable hook) {
        sendHook = hook;
    }

    private void runSendHook() {
        Runnable hook = sendHook;
        if (hook != null) {
            sendHook = null;
            hook.run();
        }
    }

    /** Tests: the ACM check the monitor would run at {@code nowNanos}; completes once it ran on the event loop. */
    CompletableFuture<Void> checkAcmAt(long nowNanos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!onEventLoop(() -> {
            checkAcm(nowNanos);
            done.complete(null);
        })) {
            done.completeExceptionally(new IllegalStateException(this + " has no event loop"));
        }
        return done;
    }

    /** Called by the {@link AcmMonitor} every quarter of the ACM timeout; any thread. */
    void monitor(long nowNanos) {
        if (state == State.ACTIVE) {
            heartbeatPastABlockedLoop(nowNanos);
            onEventLoop(() -> checkAcm(nowNanos));
        }
    }

    /**
     * A servant that blocks holds its event loop, and the loop's checkAcm waits behind it; Ice's
     * timer still heartbeats then, so that the peer's ACM does not close a connection whose call
     * merely takes long. Here, when the loop has been inside one dispatch for a while, the heartbeat
     * goes straight to the socket from this thread, provided nothing the loop wrote is still half
     * sent (native transport only; under NIO the heartbeat waits for the loop).
     */
    private void heartbeatPastABlockedLoop(long nowNanos) {
        LoopWatch watch = loopWatch;
        Channel ch = channel;
        if (watch == null || !(ch instanceof UnixChannel epoll)
                || !watch.tryLockIfBlockedFor(nowNanos, BLOCKED_LOOP_NANOS)) {
            return;
        }
        try {
            // Only heartbeat or nothing can come of these readings: closes are the loop's to decide.
            AcmAction action = AcmAction.decide(acm, nowNanos, new AcmAction.Readings(lastReadNanos, lastWriteNanos,
                    lastUseNanos, false, !dispatches.isEmpty(), true));
            ChannelOutboundBuffer unsent = ch.unsafe().outboundBuffer();
            if (action != AcmAction.HEARTBEAT || !ch.isActive() || (unsent != null && unsent.size() > 0)) {
                return;
            }
            ByteBuffer heartbeat = ByteBuffer.allocateDirect(MessageHeader.SIZE);
            Messages.writeValidateConnection(heartbeat);
            int written = epoll.fd().write(heartbeat, 0, MessageHeader.SIZE);
            if (written == MessageHeader.SIZE) {
                lastWriteNanos = nowNanos;
            } else if (written > 0) {
                log.warn("{} a heartbeat was sent in part while its loop was blocked; closing", this);
                closeReason = new ConnectionLostException(this + ": heartbeat sent in part");
                ch.close();
            }
        } catch (java.io.IOException e) {
            log.debug("{} heartbeat while the loop was blocked failed: {}", this, e.toString());
        } finally {
            watch.unlock();
        }
    }

    /** ACM (ice-protocol.md §5.3, {@link AcmAction}), event loop. */
    private void checkAcm(long nowNanos) {
        if (state != State.ACTIVE || !channel.isActive()) {
            return;
        }
        Acm acm = this.acm;
        AcmAction action = AcmAction.decide(acm, nowNanos, new AcmAction.Readings(lastReadNanos, lastWriteNanos,
                lastUseNanos, pending.size() > 0, !dispatches.isEmpty(), !batchRequests.isEmpty()));
        switch (action) {
            case NOTHING -> { }
            case CLOSE_CALLS_TIMED_OUT -> {
                closeReason = new ConnectionTimeoutException(this + " received nothing for "
                        + acm.timeoutMillis() + " ms with an invocation pending (ACM timeout)");
                log.debug("{} closing: {}", this, closeReason.getMessage());
                channel.close();
            }
            case CLOSE_IDLE_GRACEFULLY -> {
                log.debug("{} idle for {} ms (ACM timeout): closing gracefully", this, acm.timeoutMillis());
                // As Ice: throwException reports the idle close as a ConnectionTimeoutException.
                closeReason = new ConnectionTimeoutException(this + " idle for " + acm.timeoutMillis()
                        + " ms (ACM timeout): closed gracefully");
                state = State.CLOSING;
                closeIfIdle();
            }
            case CLOSE_IDLE_FORCEFULLY -> {
                closeReason = new ConnectionTimeoutException(this + " idle for " + acm.timeoutMillis() + " ms");
                channel.close();
            }
            case HEARTBEAT -> {
                lastWriteNanos = System.nanoTime();
                writeAndFlush(Messages.validateConnection(channel.alloc()), channel.voidPromise());
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        completeAnswered(); // replies read before the end are answers all the same
        int dropped = batchRequests.discard();
        if (dropped > 0) {
            log.debug("{} closed with {} batch-oneway requests not flushed; they are dropped", this, dropped);
        }
        if (held != null) {
            held.forEach(frame -> frame.body().release());
            held.clear();
        }
        if (closeReason == null) {
            closeReason = new ConnectionLostException(this + " lost");
        }
        LocalException reason = closeReason;
        validated.completeExceptionally(reason);
        if (pending.size() > 0) {
            List<OutgoingCall<?>> lost = pending.removeAll();
            complete(() -> lost.forEach(call -> call.fail(reason)));
        }
        // Nobody will read these answers: tell the applications working on them.
        if (!dispatches.isEmpty()) {
            List.copyOf(dispatches).forEach(InFlightDispatch::cancel);
        }
        closed.complete(null);
        handle.closed();
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
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    private ConnectionInfo describe(Channel channel) {
        if (channel.localAddress() instanceof InetSocketAddress local
                && channel.remoteAddress() instanceof InetSocketAddress remote) {
            return new ConnectionInfo(local.getAddress().getHostAddress(), local.getPort(),
                    remote.getAddress().getHostAddress(), remote.getPort(), incoming, adapterName(), connectionId);
        }
        return new ConnectionInfo(String.valueOf(channel.localAddress()), 0, String.valueOf(channel.remoteAddress()), 0,
                incoming, adapterName(), connectionId);
    }

    /** Requests decoded and not yet answered: reported when a shutdown's grace period ends. */
    public int dispatchesInProgress() {
        return dispatches.size();
    }
}
