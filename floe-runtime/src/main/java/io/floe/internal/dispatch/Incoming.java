package io.floe.internal.dispatch;

import io.floe.AsyncReply;
import io.floe.Current;
import io.floe.IncomingRequest;
import io.floe.MarshalException;
import io.floe.OperationMode;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.internal.InputStreams;
import io.floe.protocol.ReplyStatus;
import io.netty.buffer.ByteBuf;
import java.lang.ref.Cleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request as generated dispatch code sees it, on the dispatch thread: parameters are decoded
 * from the received buffer, the reply is encoded on whichever thread answers.
 */
final class Incoming implements IncomingRequest {
    private static final Logger log = LoggerFactory.getLogger(Incoming.class);

    private final InFlightDispatch dispatch;
    private final Current current;
    private final ByteBuf params;
    private final InputStreams streams;
    private final Cleaner cleaner;
    private InputStream in;
    private ReplyBuilder pendingResult;
    private DispatchCompletion completion;

    Incoming(InFlightDispatch dispatch, Current current, ByteBuf params, InputStreams streams, Cleaner cleaner) {
        this.dispatch = dispatch;
        this.current = current;
        this.params = params;
        this.streams = streams;
        this.cleaner = cleaner;
    }

    @Override
    public Current current() {
        return current;
    }

    /** The runtime's record of this request, which outlives the servant's part of it. */
    InFlightDispatch dispatch() {
        return dispatch;
    }

    @Override
    public void checkMode(OperationMode declared) {
        OperationMode received = dispatch.header().mode();
        if (!declared.accepts(received)) {
            throw new MarshalException("unexpected operation mode. expected = " + declared.sliceName()
                    + " received = " + received.sliceName());
        }
    }

    @Override
    public void setFormat(FormatType format) {
        dispatch.setFormat(format);
    }

    @Override
    public InputStream startReadParams() {
        in = streams.over(params);
        dispatch.setEncoding(in.startEncapsulation());
        return in;
    }

    @Override
    public void endReadParams() {
        in.endEncapsulation();
    }

    @Override
    public void readEmptyParams() {
        startReadParams();
        endReadParams();
    }

    @Override
    public OutputStream startWriteResult() {
        pendingResult = new ReplyBuilder(dispatch.channel().alloc(), dispatch.header().requestId(), ReplyStatus.OK,
                dispatch.format());
        return pendingResult.startEncapsulation(dispatch.encoding(), dispatch.format());
    }

    @Override
    public void sendResult(OutputStream results) {
        ReplyBuilder reply = pendingResult;
        pendingResult = null;
        if (!dispatch.claim()) {
            reply.discard();
            log.warn("{}: result dropped, the request was already answered", dispatch.describe());
            return;
        }
        dispatch.send(reply.finish(true));
    }

    @Override
    public void sendEmptyResult() {
        if (dispatch.claim()) {
            dispatch.replyWithResults(null);
        } else {
            log.warn("{}: result dropped, the request was already answered", dispatch.describe());
        }
    }

    @Override
    public AsyncReply startAsync() {
        if (completion == null) {
            completion = new DispatchCompletion(dispatch, cleaner);
        }
        return completion;
    }

    /** What the dispatch thread raised: the reply, unless the request was already answered. */
    void dispatchFailed(Throwable raised) {
        if (pendingResult != null) {
            pendingResult.discard();
            pendingResult = null;
        }
        Throwable error = ExceptionReplies.unwrap(raised);
        if (dispatch.claim()) {
            dispatch.replyWithException(error);
        } else {
            log.warn("{}: the dispatch raised after it was answered; nothing more is sent", dispatch.describe(), error);
        }
    }
}
