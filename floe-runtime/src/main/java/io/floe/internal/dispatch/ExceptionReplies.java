package io.floe.internal.dispatch;

import io.floe.FacetNotExistException;
import io.floe.Identity;
import io.floe.LocalException;
import io.floe.ObjectNotExistException;
import io.floe.OperationNotExistException;
import io.floe.RequestFailedException;
import io.floe.UnknownException;
import io.floe.UnknownLocalException;
import io.floe.UnknownUserException;
import io.floe.UserException;
import io.floe.encoding.FormatType;
import io.floe.encoding.OutputStream;
import io.floe.protocol.ReplyStatus;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where whatever a dispatch raised becomes a reply (ice-protocol.md §4.4). User
 * exceptions go back as status 1 whether or not the operation declares them: the client checks
 * (§4.5).
 */
final class ExceptionReplies {
    private ExceptionReplies() {
    }

    /** Strips the wrappers of futures and executors, as Ice for Java does. */
    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static ReplyStatus statusOf(Throwable error) {
        if (error instanceof UserException) {
            return ReplyStatus.USER_EXCEPTION;
        } else if (error instanceof ObjectNotExistException) {
            return ReplyStatus.OBJECT_NOT_EXIST;
        } else if (error instanceof FacetNotExistException) {
            return ReplyStatus.FACET_NOT_EXIST;
        } else if (error instanceof OperationNotExistException) {
            return ReplyStatus.OPERATION_NOT_EXIST;
        } else if (error instanceof UnknownLocalException) {
            return ReplyStatus.UNKNOWN_LOCAL_EXCEPTION;
        } else if (error instanceof UnknownUserException) {
            return ReplyStatus.UNKNOWN_USER_EXCEPTION;
        } else if (error instanceof UnknownException) {
            return ReplyStatus.UNKNOWN_EXCEPTION;
        } else if (error instanceof LocalException) {
            return ReplyStatus.UNKNOWN_LOCAL_EXCEPTION;
        }
        return ReplyStatus.UNKNOWN_EXCEPTION;
    }

    /** Builds the reply for {@code error}, already unwrapped. */
    static ByteBuf build(ByteBufAllocator alloc, RequestHeader request, io.floe.EncodingVersion encoding,
                         FormatType format, Throwable error) {
        ReplyStatus status = statusOf(error);
        ReplyBuilder reply = new ReplyBuilder(alloc, request.requestId(), status, format);
        try {
            OutputStream out = reply.out();
            switch (status) {
                case USER_EXCEPTION -> {
                    reply.startEncapsulation(encoding, format);
                    out.writeException((UserException) error);
                    return reply.finish(true);
                }
                case OBJECT_NOT_EXIST, FACET_NOT_EXIST, OPERATION_NOT_EXIST -> {
                    RequestFailedException failed = (RequestFailedException) error;
                    Identity id = failed.id() == null ? request.identity() : failed.id();
                    String facet = failed.id() == null ? request.facet() : failed.facet();
                    String operation = failed.operation().isEmpty() ? request.operation() : failed.operation();
                    out.writeString(id.name());
                    out.writeString(id.category());
                    RequestHeader.writeFacet(out, facet);
                    out.writeString(operation);
                    return reply.finish(false);
                }
                default -> {
                    out.writeString(describe(error));
                    return reply.finish(false);
                }
            }
        } catch (RuntimeException e) {
            reply.discard();
            throw e;
        }
    }

    /** The free text of statuses 5 to 7: clients show it, never parse it. */
    static String describe(Throwable error) {
        if (error instanceof UnknownException unknown) {
            return unknown.unknown();
        }
        if (error instanceof LocalException local) {
            String message = local.getMessage();
            return message == null || message.isEmpty() ? local.ice_id() : local.ice_id() + ": " + message;
        }
        return error.toString();
    }
}
