package io.floe;

import io.floe.protocol.ReplyStatus;
import java.time.Duration;

/**
 * How a dispatch was answered: the reply status (also for a oneway request, which gets no reply),
 * what was raised (null for {@link ReplyStatus#OK}), and the time from the start of the dispatch on
 * its dispatch thread until the answer was decided.
 */
public record DispatchOutcome(ReplyStatus status, Throwable exception, Duration elapsed) {
    public DispatchOutcome {
        java.util.Objects.requireNonNull(status, "status");
        java.util.Objects.requireNonNull(elapsed, "elapsed");
    }

    public boolean isOk() {
        return status == ReplyStatus.OK;
    }
}
