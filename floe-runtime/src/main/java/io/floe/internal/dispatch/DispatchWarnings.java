package io.floe.internal.dispatch;

import io.floe.UserException;
import io.floe.protocol.ReplyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Ice.Warn.Dispatch}: 1 (default) logs dispatches that failed with statuses 5 to 7;
 * above 1 also ObjectNotExist, FacetNotExist and OperationNotExist; 0 logs nothing.
 */
final class DispatchWarnings {
    private static final Logger log = LoggerFactory.getLogger(DispatchWarnings.class);

    private final int level;

    DispatchWarnings(int level) {
        this.level = level;
    }

    void log(InFlightDispatch request, Throwable error) {
        if (error instanceof UserException || level <= 0) {
            return;
        }
        ReplyStatus status = ExceptionReplies.statusOf(error);
        boolean notFound = status == ReplyStatus.OBJECT_NOT_EXIST || status == ReplyStatus.FACET_NOT_EXIST
                || status == ReplyStatus.OPERATION_NOT_EXIST;
        if (notFound && level < 2) {
            return;
        }
        log.warn("{} failed with {}", request.describe(), status, error);
    }
}
