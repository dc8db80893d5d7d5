package io.floe.internal.dispatch;

import io.floe.EncodingVersion;
import io.floe.LocalException;
import io.floe.MarshalException;
import io.floe.UnknownLocalException;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.OutputStream;
import io.floe.protocol.ReplyStatus;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.util.Timeout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted request, from the moment it is decoded until its reply is written (for AMD,
 * however much later). It holds what the reply needs and nothing of the servant's, so the
 * runtime can answer it (at a deadline, at the end of a shutdown's grace period, or when its AMD
 * callback was dropped) without keeping the callback alive. The first answer wins.
 */
public final class InFlightDispatch {
    private static final Logger log = LoggerFactory.getLogger(InFlightDispatch.class);

    private final ReplyChannel channel;
    private final RequestHeader header;
    private final DispatchLimiter limiter;
    private final DispatchWarnings warnings;
    private static final VarHandle ANSWERED;
    private static final VarHandle ENDED;
    private static final VarHandle CANCELLATION;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ANSWERED = lookup.findVarHandle(InFlightDispatch.class, "answered", boolean.class);
            ENDED = lookup.findVarHandle(InFlightDispatch.class, "ended", boolean.class);
            CANCELLATION = lookup.findVarHandle(InFlightDispatch.class, "cancellation", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Plain fields behind VarHandles: one object per request, no atomics or locks beside it.
    private volatile boolean answered;
    private volatile boolean ended;
    /** null, the listeners waiting (a List), or {@link Cancelled} once cancelled. */
    private volatile Object cancellation;
    private volatile Timeout deadline;
    private volatile EncodingVersion encoding = EncodingVersion.V1_1;
    private volatile FormatType format = FormatType.DEFAULT;
    private final FormatType defaultFormat;

    /** {@code defaultFormat}: what {@link FormatType#DEFAULT} means here (Ice.Default.SlicedFormat). */
    InFlightDispatch(ReplyChannel channel, RequestHeader header, DispatchLimiter limiter, DispatchWarnings warnings,
                     FormatType defaultFormat) {
        this.defaultFormat = defaultFormat == FormatType.DEFAULT ? FormatType.COMPACT : defaultFormat;
        this.channel = channel;
        this.header = header;
        this.limiter = limiter;
        this.warnings = warnings;
    }

    public RequestHeader header() {
        return header;
    }

    ReplyChannel channel() {
        return channel;
    }

    void setEncoding(EncodingVersion encoding) {
        this.encoding = encoding;
    }

    EncodingVersion encoding() {
        return encoding;
    }

    void setFormat(FormatType format) {
        this.format = format;
    }

    /** The operation's format, or the communicator's default when it has none. */
    FormatType format() {
        FormatType f = format;
        return f == FormatType.DEFAULT ? defaultFormat : f;
    }

    void setDeadline(Timeout deadline) {
        this.deadline = deadline;
    }

    String describe() {
        return (channel.info() == null ? "collocated" : channel.info()) + " request " + header.requestId()
                + " (" + header.operation() + " on '" + header.identity() + "')";
    }

    /** Takes the right to answer; true once. */
    boolean claim() {
        return ANSWERED.compareAndSet(this, false, true);
    }

    public boolean isAnswered() {
        return answered;
    }

    /** Sends status OK; the caller has claimed the answer. */
    void replyWithResults(Encoder results) {
        if (header.isOneway()) {
            channel.endDispatch(this);
            return;
        }
        ReplyBuilder reply = new ReplyBuilder(channel.alloc(), header.requestId(), ReplyStatus.OK, format());
        ByteBuf message;
        try {
            OutputStream out = reply.startEncapsulation(encoding, format());
            if (results != null) {
                results.encode(out);
            }
            message = reply.finish(true);
        } catch (RuntimeException e) {
            // The results could not be encoded: the partial output goes, the error is the reply.
            reply.discard();
            replyWithException(new MarshalException("cannot encode the results: " + e, e));
            return;
        }
        channel.sendReply(this, message);
    }

    /** Sends a reply built by the caller, who claimed the answer. */
    void send(ByteBuf message) {
        if (header.isOneway()) {
            message.release();
            channel.endDispatch(this);
        } else {
            channel.sendReply(this, message);
        }
    }

    /** Sends what {@code raised} translates to; the caller has claimed the answer. */
    void replyWithException(Throwable raised) {
        Throwable error = ExceptionReplies.unwrap(raised);
        warnings.log(this, error);
        if (header.isOneway()) {
            channel.endDispatch(this);
            return;
        }
        ByteBuf message;
        try {
            message = ExceptionReplies.build(channel.alloc(), header, encoding, format(), error);
        } catch (RuntimeException e) {
            log.warn("{}: cannot encode {}", describe(), error, e);
            message = ExceptionReplies.build(channel.alloc(), header, encoding, format(),
                    new UnknownLocalException("cannot encode " + error + ": " + e));
        }
        channel.sendReply(this, message);
    }

    /**
     * The runtime answers in the servant's place (deadline, shutdown, dropped callback): the
     * client gets {@code error}, and the application is told to stop working on it.
     */
    public void answerInstead(LocalException error) {
        if (claim()) {
            replyWithException(error);
            cancelWith(new Cancelled(error));
        }
    }

    /** Called by the channel once, when the reply was handed over or the dispatch ended. */
    public void ended() {
        if (ENDED.compareAndSet(this, false, true)) {
            Timeout timer = deadline;
            if (timer != null) {
                timer.cancel();
            }
            if (limiter != null) { // null for the requests of a batch: the batch is counted
                limiter.release();
            }
        }
    }

    // Cancellation: the answer would reach nobody, or is no longer wanted.

    /** The final cancellation state; {@code answeredWith} is set when the runtime answered instead. */
    private record Cancelled(LocalException answeredWith) {
    }

    private static final Cancelled CANCELLED = new Cancelled(null);

    boolean isCancelled() {
        return cancellation instanceof Cancelled;
    }

    /** What the runtime answered in the servant's place ({@link #answerInstead}); null otherwise. */
    LocalException answeredInstead() {
        return cancellation instanceof Cancelled cancelled ? cancelled.answeredWith() : null;
    }

    /** Runs {@code listener} on the dispatch executor once cancelled (at once if already so). */
    void onCancel(Runnable listener) {
        while (true) {
            Object state = cancellation;
            if (state instanceof Cancelled) {
                runListener(listener);
                return;
            }
            List<Runnable> listeners = new ArrayList<>(state == null ? List.of() : asListeners(state));
            listeners.add(listener);
            if (CANCELLATION.compareAndSet(this, state, listeners)) {
                return;
            }
        }
    }

    /** The connection is gone: nobody waits for the answer any more. */
    public void cancel() {
        cancelWith(CANCELLED);
    }

    private void cancelWith(Cancelled cancelled) {
        while (true) {
            Object state = cancellation;
            if (state instanceof Cancelled) {
                return;
            }
            if (CANCELLATION.compareAndSet(this, state, cancelled)) {
                if (state != null) {
                    asListeners(state).forEach(this::runListener);
                }
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Runnable> asListeners(Object state) {
        return (List<Runnable>) state;
    }

    private void runListener(Runnable listener) {
        Runnable safe = () -> {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("{}: a cancellation listener failed", describe(), e);
            }
        };
        try {
            channel.dispatchExecutor().execute(safe);
        } catch (RejectedExecutionException e) {
            safe.run();
        }
    }
}
