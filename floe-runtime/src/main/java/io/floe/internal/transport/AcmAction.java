package io.floe.internal.transport;

import io.floe.ACMClose;
import java.util.concurrent.TimeUnit;

/**
 * What ACM asks of a connection at one check (ice-protocol.md §5.3), decided from its clock
 * readings alone.
 *
 * <p>Close: forcefully, failing the calls with ConnectionTimeoutException, when a call waits for
 * its reply and nothing at all was read for the timeout (OnInvocation, OnInvocationAndIdle,
 * OnIdleForceful); when nothing is pending and no request, batch or reply went either way for the
 * timeout, gracefully with CloseConnection (OnIdle, OnInvocationAndIdle) or forcefully
 * (OnIdleForceful). Heartbeat: a ValidateConnection when nothing was written for a quarter of the
 * timeout and the policy allows (Always; OnIdle when nothing was read either; OnDispatch while a
 * dispatch is pending). Unlike Ice 3.7, heartbeats are no use of the connection, so a heartbeating
 * connection still closes when idle.
 */
enum AcmAction {
    NOTHING, HEARTBEAT, CLOSE_CALLS_TIMED_OUT, CLOSE_IDLE_GRACEFULLY, CLOSE_IDLE_FORCEFULLY;

    /** The clocks of one connection, in {@link System#nanoTime()} units, and what it has pending. */
    record Readings(long lastReadNanos, long lastWriteNanos, long lastUseNanos, boolean callsPending,
                    boolean dispatchesPending, boolean batchQueued) {
    }

    static AcmAction decide(Acm acm, long nowNanos, Readings r) {
        if (!acm.enabled()) {
            return NOTHING;
        }
        long timeout = TimeUnit.MILLISECONDS.toNanos(acm.timeoutMillis());
        ACMClose close = acm.close();
        if (r.callsPending() && nowNanos - r.lastReadNanos() >= timeout
                && close != ACMClose.CLOSE_OFF && close != ACMClose.CLOSE_ON_IDLE) {
            return CLOSE_CALLS_TIMED_OUT;
        }
        boolean idle = !r.callsPending() && !r.dispatchesPending() && !r.batchQueued()
                && nowNanos - r.lastUseNanos() >= timeout;
        if (idle && (close == ACMClose.CLOSE_ON_IDLE || close == ACMClose.CLOSE_ON_INVOCATION_AND_IDLE)) {
            return CLOSE_IDLE_GRACEFULLY;
        }
        if (idle && close == ACMClose.CLOSE_ON_IDLE_FORCEFUL) {
            return CLOSE_IDLE_FORCEFULLY;
        }
        boolean quiet = nowNanos - r.lastWriteNanos() >= timeout / 4;
        boolean heartbeat = switch (acm.heartbeat()) {
            case HEARTBEAT_OFF -> false;
            case HEARTBEAT_ON_DISPATCH -> quiet && r.dispatchesPending();
            case HEARTBEAT_ON_IDLE -> quiet && nowNanos - r.lastReadNanos() >= timeout / 4;
            case HEARTBEAT_ALWAYS -> quiet;
        };
        return heartbeat ? HEARTBEAT : NOTHING;
    }
}
