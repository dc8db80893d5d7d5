package io.floe.internal.dispatch;

import io.floe.AsyncReply;
import io.floe.Current;
import io.floe.EncodingVersion;
import io.floe.IncomingRequest;
import io.floe.MarshalException;
import io.floe.OperationMode;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.encoding.ProxyDecoder;
import io.floe.protocol.ReplyStatus;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request in dispatch. Parameters are decoded from the received buffer by generated code on
 * the dispatch thread; the reply is encoded on whichever thread answers.
 */
final class Incoming implements IncomingRequest {
    private static final Logger log = LoggerFactory.getLogger(Incoming.class);

    private final ReplyChannel channel;
    private final RequestHeader header;
    private final Current current;
    private final ByteBuf params;
    private final ProxyDecoder proxies;
    private final DispatchWarnings warnings;
    private final DispatchCompletion completion = new DispatchCompletion(this);
    private EncodingVersion encoding = EncodingVersion.V1_1;
    private FormatType format = FormatType.DEFAULT;
    private InputStream in;
    private ReplyBuilder pendingResult;
    private boolean async;

    Incoming(ReplyChannel channel, RequestHeader header, Current current, ByteBuf params,
             ProxyDecoder proxies, DispatchWarnings warnings) {
        this.channel = channel;
        this.header = header;
        this.current = current;
        this.params = params;
        this.proxies = proxies;
        this.warnings = warnings;
    }

    RequestHeader header() {
        return header;
    }

    String describeConnection() {
        return channel.info() == null ? "collocated" : String.valueOf(channel.info());
    }

    @Override
    public Current current() {
        return current;
    }

    @Override
    public void checkMode(OperationMode declared) {
        if (!declared.accepts(header.mode())) {
            throw new MarshalException("unexpected operation mode. expected = " + declared.sliceName()
                    + " received = " + header.mode().sliceName());
        }
    }

    @Override
    public void setFormat(FormatType format) {
        this.format = format;
    }

    @Override
    public InputStream startReadParams() {
        in = new InputStream(params, proxies);
        encoding = in.startEncapsulation();
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

    /** The encoding replies use: the request's (ice-protocol.md §2.5). */
    EncodingVersion encoding() {
        return encoding;
    }

    @Override
    public OutputStream startWriteResult() {
        pendingResult = new ReplyBuilder(channel.alloc(), header.requestId(), ReplyStatus.OK, format);
        return pendingResult.startEncapsulation(encoding, format);
    }

    @Override
    public void sendResult(OutputStream results) {
        ReplyBuilder reply = pendingResult;
        pendingResult = null;
        if (!completion.claim()) {
            reply.discard();
            log.warn("{} dropped a second result for request {} ({})", describeConnection(),
                    header.requestId(), header.operation());
            return;
        }
        send(reply.finish(true));
    }

    @Override
    public void sendEmptyResult() {
        if (completion.claim()) {
            replyWithResults(null);
        }
    }

    @Override
    public AsyncReply startAsync() {
        async = true;
        return completion;
    }

    /** What the dispatch thread raised: the reply, unless an AMD answer already went out. */
    void dispatchFailed(Throwable raised) {
        if (pendingResult != null) {
            pendingResult.discard();
            pendingResult = null;
        }
        Throwable error = ExceptionReplies.unwrap(raised);
        if (completion.claim()) {
            replyWithException(error);
        } else {
            log.warn("{} dispatch of request {} ({}) raised after it was answered; nothing more is sent",
                    describeConnection(), header.requestId(), header.operation(), error);
        }
    }

    boolean isAsync() {
        return async;
    }

    void replyWithResults(Encoder results) {
        if (header.isOneway()) {
            channel.endDispatch();
            return;
        }
        ReplyBuilder reply = new ReplyBuilder(channel.alloc(), header.requestId(), ReplyStatus.OK, format);
        ByteBuf message;
        try {
            OutputStream out = reply.startEncapsulation(encoding, format);
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
        send(message);
    }

    void replyWithException(Throwable raised) {
        Throwable error = ExceptionReplies.unwrap(raised);
        warnings.log(this, error);
        if (header.isOneway()) {
            channel.endDispatch();
            return;
        }
        ByteBuf message;
        try {
            message = ExceptionReplies.build(channel.alloc(), header, encoding, format, error);
        } catch (RuntimeException e) {
            log.warn("{} cannot encode {} for request {} ({})", describeConnection(), error,
                    header.requestId(), header.operation(), e);
            message = ExceptionReplies.build(channel.alloc(), header, encoding, format,
                    new io.floe.UnknownLocalException("cannot encode " + error + ": " + e));
        }
        send(message);
    }

    private void send(ByteBuf message) {
        if (header.isOneway()) {
            message.release();
            channel.endDispatch();
        } else {
            channel.sendReply(message);
        }
    }
}
