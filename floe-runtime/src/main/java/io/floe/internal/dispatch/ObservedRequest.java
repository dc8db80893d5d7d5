package io.floe.internal.dispatch;

import io.floe.AsyncReply;
import io.floe.Current;
import io.floe.DispatchInterceptor;
import io.floe.DispatchOutcome;
import io.floe.IncomingRequest;
import io.floe.InterceptedRequest;
import io.floe.MarshalException;
import io.floe.OperationMode;
import io.floe.ServantLocator;
import io.floe.UserException;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request whose answer is decided here, once, before it reaches the request it wraps: a sync
 * result, an AMD completion or what the dispatch raised, whichever comes first. Deciding runs the
 * servant locator's {@code finished} (whose exception replaces the answer, as in Ice 3.7), then
 * the {@link #whenAnswered} listeners, then hands the answer on. Later answers are logged and
 * dropped here, so a race between an AMD completion and an exception from the dispatch thread
 * is settled by one flag. When the runtime answers in the servant's place (deadline, grace
 * period, dropped callback), that answer is the decision and the listeners hear of it.
 */
final class ObservedRequest implements InterceptedRequest {
    private static final Logger log = LoggerFactory.getLogger(ObservedRequest.class);

    private final IncomingRequest delegate;
    private final DispatchDecision decision;
    private final InFlightDispatch dispatch; // null when the wrapped request is not the runtime's
    private Throwable replacement; // what finished raised on the dispatch thread, thrown from sendResult

    /** For interceptors: observes the whole dispatch. */
    ObservedRequest(IncomingRequest delegate) {
        this(delegate, null, null);
    }

    /** For a servant a locator found: calls its {@code finished} when the answer is decided. */
    ObservedRequest(IncomingRequest delegate, ServantLocator locator, ServantLocator.LocateResult located) {
        this.delegate = delegate;
        this.decision = new DispatchDecision(delegate.current(), locator, located);
        this.dispatch = dispatchOf(delegate);
        if (dispatch != null) {
            dispatch.onCancel(new RuntimeAnswerWatcher(dispatch, decision));
        }
    }

    private static InFlightDispatch dispatchOf(IncomingRequest request) {
        if (request instanceof Incoming incoming) {
            return incoming.dispatch();
        }
        return request instanceof ObservedRequest observed ? observed.dispatch : null;
    }

    /** Told of every cancellation; only an answer the runtime gave decides. Holds no request or callback. */
    private record RuntimeAnswerWatcher(InFlightDispatch dispatch, DispatchDecision decision) implements Runnable {
        @Override
        public void run() {
            Throwable answer = dispatch.answeredInstead();
            if (answer != null) {
                decision.answeredByRuntime(answer);
            }
        }
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
            if (decision.claim()) {
                Throwable error = ExceptionReplies.unwrap(raised);
                Throwable replaced = decision.finish();
                error = replaced != null ? replaced : error;
                decision.settle(error);
                throw ObservedRequest.<UserException>rethrow(error);
            }
            if (raised instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            log.warn("{}: the dispatch raised after it was answered; nothing more is sent", decision.describe(),
                    raised);
        }
    }

    @Override
    public void whenAnswered(Consumer<DispatchOutcome> listener) {
        decision.whenAnswered(listener);
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
        if (!decision.claim()) {
            return true; // the wrapped request drops and logs the second result
        }
        Throwable replaced = decision.finish();
        decision.settle(replaced);
        if (replaced != null) {
            replacement = replaced;
            throw ObservedRequest.<RuntimeException>rethrow(replaced);
        }
        return true;
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
            Throwable replaced = decision.finish();
            if (replaced != null) {
                decision.settle(replaced);
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
                    decision.settle(new MarshalException("cannot encode the results: " + e, e));
                    throw e;
                }
                decision.settle(null);
            });
            decision.settle(null);
        }

        @Override
        public void fail(Throwable error) {
            if (!claim("ice_exception")) {
                return;
            }
            Throwable replaced = decision.finish();
            Throwable answer = replaced != null ? replaced : ExceptionReplies.unwrap(error);
            decision.settle(answer);
            target.fail(answer);
        }

        @Override
        public boolean isAnswered() {
            return decision.isAnswered();
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
            if (decision.claim()) {
                return true;
            }
            log.warn("{}: ignored {}, already answered", decision.describe(), how);
            return false;
        }
    }
}
