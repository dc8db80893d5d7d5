package io.floe.internal.proxy;

import io.floe.CloseConnectionException;
import io.floe.CommunicatorDestroyedException;
import io.floe.ConnectionManuallyClosedException;
import io.floe.InitializationException;
import io.floe.InvocationTimeoutException;
import io.floe.LocalException;
import io.floe.MarshalException;
import io.floe.ObjectAdapterDeactivatedException;
import io.floe.ObjectNotExistException;
import io.floe.OperationMode;
import io.floe.RequestFailedException;
import java.util.Arrays;

/**
 * When a failed invocation is sent again, as Ice's {@code ProxyFactory.checkRetryAfterException}
 * decides (ice-protocol.md §5.6). {@code Ice.RetryIntervals} lists the delays in ms before each
 * retry: "0" (the default) retries once at once, "-1" never.
 */
public final class RetryPolicy {
    /** Returned by {@link #delayBeforeRetry} when the failure is final. */
    public static final int NO_RETRY = -1;

    private final int[] intervals;

    private RetryPolicy(int[] intervals) {
        this.intervals = intervals;
    }

    public static RetryPolicy parse(String value) {
        String[] parts = value.trim().split("\\s+");
        int[] intervals = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                intervals[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new InitializationException("Ice.RetryIntervals: '" + value
                    + "' (expected: milliseconds separated by spaces, or -1)", e);
        }
        // As Ice: a first value of -1 disables retries; other negative values mean 0.
        if (intervals[0] == -1) {
            return new RetryPolicy(new int[0]);
        }
        return new RetryPolicy(Arrays.stream(intervals).map(ms -> Math.max(0, ms)).toArray());
    }

    /** How many retries, CloseConnectionException's extra one aside. */
    public int maxRetries() {
        return intervals.length;
    }

    /**
     * The delay in ms before retry number {@code retriesSoFar + 1}, or {@link #NO_RETRY}.
     *
     * @param sent     whether the request may have reached the server
     * @param indirect whether the proxy has no endpoints of its own (ObjectNotExist is retried)
     */
    public int delayBeforeRetry(Throwable failure, boolean sent, OperationMode mode, boolean indirect,
                                int retriesSoFar) {
        if (!(failure instanceof LocalException)) {
            return NO_RETRY; // user exceptions and bugs are answers, not accidents
        }
        boolean idempotent = mode == OperationMode.IDEMPOTENT || mode == OperationMode.NONMUTATING;
        boolean closed = failure instanceof CloseConnectionException;
        boolean notExist = failure instanceof ObjectNotExistException;
        if (sent && !idempotent && !closed && !notExist) {
            return NO_RETRY; // the server may have executed it: at most once
        }
        if (notExist ? !indirect : failure instanceof RequestFailedException) {
            return NO_RETRY;
        }
        // As Ice: the application closed the connection on purpose, so its calls end there.
        if (failure instanceof MarshalException || failure instanceof CommunicatorDestroyedException
                || failure instanceof ObjectAdapterDeactivatedException
                || failure instanceof ConnectionManuallyClosedException
                || failure instanceof InvocationTimeoutException) {
            return NO_RETRY;
        }
        if (retriesSoFar < intervals.length) {
            return intervals[retriesSoFar];
        }
        // A graceful close by the server executed nothing: always worth one more try.
        return closed && retriesSoFar == intervals.length ? 0 : NO_RETRY;
    }
}
