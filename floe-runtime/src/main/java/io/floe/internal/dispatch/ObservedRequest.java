package io.floe.internal.dispatch;

import io.floe.AsyncReply;
import io.floe.Current;
import io.floe.DispatchInterceptor;
import io.floe.DispatchOutcome;
import io.floe.IncomingRequest;
import io.floe.InterceptedRequest;
import io.floe.MarshalException;
import io.floe.OperationMode;
import io.floe.Servant;
import io.floe.ServantLocator;
import io.floe.UserException;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.protocol.ReplyStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request whose answer is decided here, once, before it reaches the request it wraps: a sync
 * result, an AMD completion or what the dispatch raised, whichever comes first. Deciding runs the
 * servant locator's {@code finished} (whose exception replaces the answer, as in Ice 3.7), then
 * the {@link #whenAnswered} listeners, then hands the answer on. Later answers are logged and
 * dropped here, so a race between an AMD completion and an exception from the dispatch thread
 * is settled by one flag.
 */
final class ObservedRequest implements InterceptedRequest {
    private static final Logger log = LoggerFactory.getLogger(ObservedRequest.class);

    private final IncomingRequest delegate;
    private final ServantLocator locator; // null: no finished to call
    private final Servant servant;
    private final Object cookie;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private List<Consumer<DispatchOutcome>> listeners; // guarded by lock
    private DispatchOutcome outcome; // guarded by lock
    private Throwable replacement; // what finished raised on the dispatch thread, thrown from sendResult

    /** For interceptors: observes the whole dispatch. */
    ObservedRequest(IncomingRequest delegate) {
        this(delegate, null, null);
    }

    /** For a servant a locator found: calls its {@code finished} when the answer is decided. */
    ObservedRequest(IncomingRequest delegate, ServantLocator locator, ServantLocator.LocateResult located) {
        this.delegate = delegate;
        this.locator = locator;
        this.servant = located == null ? null : located.servant();
        this.cookie = located == null ? null : located.cookie();
    }

    /**
     * Runs {@code body} on this request. What it raises before the answer is the answer (thrown on
     * to the caller, which sends it); what it raises after is logged, as Ice does.
     */
    void run(DispatchInterceptor.Next body) throws UserException {
        try {
            body.proceed(this);
        } catch (Throwable raised) {
            if (raised == replacement) {
                throw ObservedRequest.<UserException>rethrow(raised); // decided in sendResult
            }
            if (answered.compareAndSet(false, true)) {
                Throwable error = ExceptionReplies.unwrap(raised);
                Throwable replaced = finish();
                error = replaced != null ? replaced : error;
                settle(error);
                throw ObservedRequest.<UserException>rethrow(error);
            }
            if (raised instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            log.warn("{} dispatch of request {} ({}) raised after it was answered; nothing more is sent",
                    describeConnection(), current().requestId(), current().operation(), raised);
        }
    }

    @Override
    public void whenAnswered(Consumer<DispatchOutcome> listener) {
        DispatchOutcome known;
        lock.lock();
        try {
            known = outcome;
            if (known == null) {
                if (listeners == null) {
                    listeners = new ArrayList<>(2);
                }
                listeners.add(listener);
            }
        } finally {
            lock.unlock();
        }
        if (known != null) {
            notify(listener, known);
        }
    }

    @Override
    public Current current() {
        return delegate.current();
    }

    @Override
    public void checkMode(OperationMode declared) {
        delegate.checkMode(declared);
    }

    @Override
    public void setFormat(FormatType format) {
        delegate.setFormat(format);
    }

    @Override
    public InputStream startReadParams() {
        return delegate.startReadParams();
    }

    @Override
    public void endReadParams() {
        delegate.endReadParams();
    }

    @Override
    public void readEmptyParams() {
        delegate.readEmptyParams();
    }

    @Override
    public OutputStream startWriteResult() {
        return delegate.startWriteResult();
    }

    @Override
    public void sendResult(OutputStream results) {
        if (decideResult()) {
            delegate.sendResult(results);
        }
    }

    @Override
    public void sendEmptyResult() {
        if (decideResult()) {
            delegate.sendEmptyResult();
        }
    }

    @Override
    public AsyncReply startAsync() {
        return new Reply(delegate.startAsync());
    }

    /**
     * A synchronous result: true to send it. When finished raises, that is thrown instead, out of
     * the servant's dispatch, and the wrapped request discards the started result.
     */
    private boolean decideResult() {
        if (!answered.compareAndSet(false, true)) {
            return true; // the wrapped request drops and logs the second result
        }
        Throwable replaced = finish();
        settle(replaced);
        if (replaced != null) {
            replacement = replaced;
            throw ObservedRequest.<RuntimeException>rethrow(replaced);
        }
        return true;
    }

    private Throwable finish() {
        if (locator == null) {
            return null;
        }
        try {
            locator.finished(current(), servant, cookie);
            return null;
        } catch (Throwable t) {
            return ExceptionReplies.unwrap(t);
        }
    }

    /** Records the outcome (first call wins) and runs the listeners on this thread. */
    private void settle(Throwable error) {
        List<Consumer<DispatchOutcome>> toRun;
        DispatchOutcome decided;
        lock.lock();
        try {
            if (outcome != null) {
                return;
            }
            ReplyStatus status = error == null ? ReplyStatus.OK : ExceptionReplies.statusOf(error);
            decided = new DispatchOutcome(status, error, Duration.ofNanos(System.nanoTime() - startNanos));
            outcome = decided;
            toRun = listeners;
            listeners = null;
        } finally {
            lock.unlock();
        }
        if (toRun != null) {
            toRun.forEach(listener -> notify(listener, decided));
        }
    }

    private void notify(Consumer<DispatchOutcome> listener, DispatchOutcome decided) {
        try {
            listener.accept(decided);
        } catch (RuntimeException e) {
            log.warn("{} outcome listener of request {} ({}) failed", describeConnection(),
                    current().requestId(), current().operation(), e);
        }
    }

    private String describeConnection() {
        return current().connection() == null ? "collocated" : current().connection().toString();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }

    /** The AMD side: any thread, first answer wins. */
    private final class Reply implements AsyncReply {
        private final AsyncReply target;

        Reply(AsyncReply target) {
            this.target = target;
        }

        @Override
        public void succeed(Encoder results) {
            if (!claim("ice_response")) {
                return;
            }
            Throwable replaced = finish();
            if (replaced != null) {
                settle(replaced);
                target.fail(replaced);
                return;
            }
            // Settled once the results are encoded, before the reply is sent; a oneway never encodes.
            target.succeed(out -> {
                try {
                    if (results != null) {
                        results.encode(out);
                    }
                } catch (RuntimeException e) {
                    settle(new MarshalException("cannot encode the results: " + e, e));
                    throw e;
                }
                settle(null);
            });
            settle(null);
        }

        @Override
        public void fail(Throwable error) {
            if (!claim("ice_exception")) {
                return;
            }
            Throwable replaced = finish();
            Throwable answer = replaced != null ? replaced : ExceptionReplies.unwrap(error);
            settle(answer);
            target.fail(answer);
        }

        @Override
        public boolean isAnswered() {
            return answered.get();
        }

        @Override
        public boolean isCancelled() {
            return target.isCancelled();
        }

        @Override
        public void onCancel(Runnable listener) {
            target.onCancel(listener);
        }

        private boolean claim(String how) {
            if (answered.compareAndSet(false, true)) {
                return true;
            }
            log.warn("{} ignored {} for request {} ({}): already answered", describeConnection(), how,
                    current().requestId(), current().operation());
            return false;
        }
    }
}
