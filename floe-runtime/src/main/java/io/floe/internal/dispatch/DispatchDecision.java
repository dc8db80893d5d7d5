package io.floe.internal.dispatch;

import io.floe.Current;
import io.floe.DispatchOutcome;
import io.floe.ServantLocator;
import io.floe.Servant;
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
 * The answer of one observed dispatch, decided once: by the servant (through
 * {@link ObservedRequest}) or by the runtime in its place (deadline, end of a shutdown's grace
 * period, dropped AMD callback). Holds nothing of the servant's request or callback, so the
 * runtime can keep it without keeping a dropped callback alive.
 */
final class DispatchDecision {
    private static final Logger log = LoggerFactory.getLogger(DispatchDecision.class);

    private final Current current;
    private final ServantLocator locator; // null: no finished to call
    private final Servant servant;
    private final Object cookie;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private List<Consumer<DispatchOutcome>> listeners; // guarded by lock
    private DispatchOutcome outcome; // guarded by lock

    DispatchDecision(Current current, ServantLocator locator, ServantLocator.LocateResult located) {
        this.current = current;
        this.locator = locator;
        this.servant = located == null ? null : located.servant();
        this.cookie = located == null ? null : located.cookie();
    }

    /** Takes the right to decide; true once. */
    boolean claim() {
        return answered.compareAndSet(false, true);
    }

    boolean isAnswered() {
        return answered.get();
    }

    /** Calls the servant locator's {@code finished}; what it raises (null if nothing) replaces the answer. */
    Throwable finish() {
        if (locator == null) {
            return null;
        }
        try {
            locator.finished(current, servant, cookie);
            return null;
        } catch (Throwable t) {
            return ExceptionReplies.unwrap(t);
        }
    }

    /** The runtime answered {@code error} in the servant's place: decided, unless the servant was first. */
    void answeredByRuntime(Throwable error) {
        if (claim()) {
            Throwable replaced = finish();
            if (replaced != null) {
                log.warn("{}: servant locator's finished raised after the runtime answered; not sent", describe(),
                        replaced);
            }
            settle(error);
        }
    }

    void whenAnswered(Consumer<DispatchOutcome> listener) {
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

    /** Records the outcome (first call wins) and runs the listeners on this thread. */
    void settle(Throwable error) {
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
            log.warn("{} outcome listener failed", describe(), e);
        }
    }

    String describe() {
        return (current.connection() == null ? "collocated" : current.connection().toString())
                + " request " + current.requestId() + " (" + current.operation() + ")";
    }
}
