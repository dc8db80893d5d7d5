package io.floe.internal.dispatch;

import io.floe.Current;
import io.floe.EncodingVersion;
import io.floe.ObjectAdapter;
import io.floe.TimeoutException;
import io.floe.UnmarshalOutOfBoundsException;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.internal.InputStreams;
import io.floe.internal.pool.LoopExecutor;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.util.Timer;
import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns received Request and BatchRequest bodies into dispatches. Headers are read on the
 * event loop (a malformed one is fatal to the connection, ice-protocol.md §2.10), where the
 * request starts being counted; everything else, parameters included, runs on the connection's
 * dispatch executor: at once on the same thread when that executor is the connection's own loop
 * ({@link LoopExecutor}), else handed to the pool.
 */
public final class RequestDispatcher {
    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
    private static final int MIN_BATCHED_REQUEST_SIZE = 12;

    private final ObjectAdapter adapter;
    private final ServantMap servants;
    private final InputStreams streams;
    private final DispatchLimiter limiter;
    private final DispatchWarnings warnings;
    private final Cleaner cleaner;
    private final Timer timer;
    private final long deadlineMillis;
    private final FormatType defaultFormat;

    /**
     * @param deadlineMillis after this long an unanswered request is answered with a
     *                       TimeoutException (0: never)
     * @param defaultFormat  the format of results and user exceptions of operations that declare
     *                       none (Ice.Default.SlicedFormat)
     */
    public RequestDispatcher(ObjectAdapter adapter, ServantMap servants, InputStreams streams,
                             DispatchLimiter limiter, int warnDispatch, Cleaner cleaner, Timer timer,
                             long deadlineMillis, FormatType defaultFormat) {
        this.defaultFormat = defaultFormat;
        this.adapter = adapter;
        this.servants = servants;
        this.streams = streams;
        this.limiter = limiter;
        this.warnings = new DispatchWarnings(warnDispatch);
        this.cleaner = cleaner;
        this.timer = timer;
        this.deadlineMillis = deadlineMillis;
    }

    /**
     * The dispatcher of a connection without an adapter (a client's, until {@code setAdapter}):
     * it finds no servant, so every request gets ObjectNotExistException, as in Ice.
     */
    public static RequestDispatcher withoutAdapter(InputStreams streams, int warnDispatch, Cleaner cleaner,
                                                   Timer timer, FormatType defaultFormat) {
        return new RequestDispatcher(null, new ServantMap(), streams, new DispatchLimiter(0), warnDispatch,
                cleaner, timer, 0, defaultFormat);
    }

    /** The adapter whose servants this dispatches to; null for {@link #withoutAdapter}. */
    public ObjectAdapter adapter() {
        return adapter;
    }

    /** True while the adapter's MaxDispatches bound is reached: connections hold new requests. */
    public boolean isSaturated() {
        return limiter.isPaused();
    }

    /** Reads a Request's header from {@code body} (which this call takes ownership of) and queues its dispatch. */
    public void dispatchRequest(ReplyChannel channel, ByteBuf body) {
        RequestHeader header;
        try {
            InputStream in = new InputStream(body);
            int requestId = in.readInt();
            header = RequestHeader.read(requestId, in);
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
        InFlightDispatch dispatch = start(channel, header);
        submit(dispatch, body, () -> dispatch(dispatch, body));
    }

    /**
     * Reads a BatchRequest (an int32 count, then requests without ids, ice-protocol.md §2.4) and
     * dispatches its requests in order, as oneways, in one task.
     */
    public void dispatchBatch(ReplyChannel channel, ByteBuf body) {
        int count;
        try {
            count = body.readIntLE();
            if (count < 0 || (long) count * MIN_BATCHED_REQUEST_SIZE > body.readableBytes()) {
                throw new UnmarshalOutOfBoundsException("batch of " + count + " requests in "
                        + body.readableBytes() + " bytes");
            }
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
        RequestHeader batchHeader = new RequestHeader(0, io.floe.Identity.of("batch"), "", "batch of " + count,
                io.floe.OperationMode.NORMAL, Map.of());
        InFlightDispatch batch = start(channel, batchHeader);
        submit(batch, body, () -> {
            ReplyChannel batched = new BatchedChannel(channel);
            InputStream in = new InputStream(body);
            try {
                for (int i = 0; i < count && !batch.isAnswered(); i++) {
                    RequestHeader header = RequestHeader.read(0, in);
                    int size = body.getIntLE(body.readerIndex());
                    if (size < 6 || size > body.readableBytes()) {
                        throw new UnmarshalOutOfBoundsException("batched params of " + size + " bytes, "
                                + body.readableBytes() + " left");
                    }
                    dispatch(new InFlightDispatch(batched, header, null, warnings, defaultFormat),
                            body.readSlice(size));
                }
            } catch (RuntimeException e) {
                log.warn("{} malformed batch request; the rest of the batch is dropped", channel.info(), e);
            } finally {
                if (batch.claim()) {
                    channel.endDispatch(batch);
                }
            }
        });
    }

    private InFlightDispatch start(ReplyChannel channel, RequestHeader header) {
        limiter.acquire();
        InFlightDispatch dispatch = new InFlightDispatch(channel, header, limiter, warnings, defaultFormat);
        channel.track(dispatch);
        if (deadlineMillis > 0 && !header.isOneway()) {
            dispatch.setDeadline(timer.newTimeout(t -> dispatch.answerInstead(new TimeoutException(
                    "dispatch of '" + header.operation() + "' was not answered within its deadline of "
                            + deadlineMillis + " ms")), deadlineMillis, TimeUnit.MILLISECONDS));
        }
        return dispatch;
    }

    private void submit(InFlightDispatch dispatch, ByteBuf body, Runnable task) {
        if (dispatch.channel().dispatchExecutor() instanceof LoopExecutor loop && loop.inLoop()) {
            try { // where the bytes arrived: no hand-off, nothing queued
                loop.dispatchInline(task);
            } finally {
                body.release();
            }
            return;
        }
        try {
            dispatch.channel().dispatchExecutor().execute(() -> {
                try {
                    // Answered while queued (deadline, shutdown grace period): nothing to run.
                    if (!dispatch.isAnswered()) {
                        task.run();
                    }
                } finally {
                    body.release();
                }
            });
        } catch (RejectedExecutionException e) {
            body.release();
            if (dispatch.claim()) {
                dispatch.channel().endDispatch(dispatch);
            }
            log.debug("{} dropped: the dispatch executor is shut down", dispatch.describe());
        }
    }

    /** The params encapsulation's version, for Current; null when the bytes are not there. */
    private static EncodingVersion peekEncoding(ByteBuf params) {
        if (params.readableBytes() < 6) {
            return null;
        }
        int at = params.readerIndex() + 4;
        return EncodingVersion.of(params.getUnsignedByte(at), params.getUnsignedByte(at + 1));
    }

    private void dispatch(InFlightDispatch dispatch, ByteBuf params) {
        RequestHeader header = dispatch.header();
        ReplyChannel channel = dispatch.channel();
        Current current = new Current(adapter, channel.info(), header.identity(), header.facet(),
                header.operation(), header.mode(), header.context(), header.requestId(), peekEncoding(params),
                channel.connection());
        Incoming request = new Incoming(dispatch, current, params, streams, cleaner);
        try {
            servants.router().dispatch(request);
        } catch (Throwable raised) {
            request.dispatchFailed(raised);
            if (raised instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
    }
}
