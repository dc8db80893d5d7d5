package io.floe.internal.dispatch;

import io.floe.Current;
import io.floe.EncodingVersion;
import io.floe.ObjectAdapter;
import io.floe.encoding.InputStream;
import io.floe.encoding.ProxyDecoder;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns received Request and BatchRequest bodies into dispatches. Headers are read on the
 * event loop (a malformed one is fatal to the connection, ice-protocol.md §2.10); everything
 * else, parameters included, runs on the adapter's dispatch executor.
 */
public final class RequestDispatcher {
    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
    private static final int MIN_BATCHED_REQUEST_SIZE = 12;

    private final ObjectAdapter adapter;
    private final ServantMap servants;
    private final Executor executor;
    private final ProxyDecoder proxies;
    private final DispatchWarnings warnings;

    public RequestDispatcher(ObjectAdapter adapter, ServantMap servants, Executor executor,
                             ProxyDecoder proxies, int warnDispatch) {
        this.adapter = adapter;
        this.servants = servants;
        this.executor = executor;
        this.proxies = proxies;
        this.warnings = new DispatchWarnings(warnDispatch);
    }

    /**
     * Reads a Request's header from {@code body} (which this call takes ownership of) and queues
     * its dispatch. The caller has counted one dispatch for it.
     */
    public void dispatchRequest(ReplyChannel channel, ByteBuf body) {
        RequestHeader header;
        try {
            InputStream in = new InputStream(body);
            int requestId = in.readInt();
            header = RequestHeader.read(requestId, in);
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
        submit(() -> {
            try {
                dispatch(channel, header, body);
            } finally {
                body.release();
            }
        }, channel, body);
    }

    /**
     * Reads a BatchRequest (an int32 count, then requests without ids, ice-protocol.md §2.4) and
     * dispatches its requests in order, as oneways, in one task.
     */
    public void dispatchBatch(ReplyChannel channel, ByteBuf body) {
        int count;
        try {
            count = body.readIntLE();
            if (count < 0 || (long) count * MIN_BATCHED_REQUEST_SIZE > body.readableBytes()) {
                throw new io.floe.UnmarshalOutOfBoundsException("batch of " + count + " requests in "
                        + body.readableBytes() + " bytes");
            }
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
        submit(() -> {
            try {
                InputStream in = new InputStream(body);
                for (int i = 0; i < count; i++) {
                    RequestHeader header = RequestHeader.read(0, in);
                    int size = body.getIntLE(body.readerIndex());
                    if (size < 6 || size > body.readableBytes()) {
                        throw new io.floe.UnmarshalOutOfBoundsException("batched params of " + size
                                + " bytes, " + body.readableBytes() + " left");
                    }
                    dispatch(new BatchedChannel(channel), header, body.readSlice(size));
                }
            } catch (RuntimeException e) {
                log.warn("{} malformed batch request; the rest of the batch is dropped", channel.info(), e);
            } finally {
                body.release();
                channel.endDispatch();
            }
        }, channel, body);
    }

    private void submit(Runnable task, ReplyChannel channel, ByteBuf body) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            body.release();
            channel.endDispatch();
            log.debug("{} request dropped: the dispatch executor is shut down", channel.info());
        }
    }

    /** The params encapsulation's version, for Current; null when the bytes are not there. */
    private static EncodingVersion peekEncoding(ByteBuf params) {
        if (params.readableBytes() < 6) {
            return null;
        }
        int at = params.readerIndex() + 4;
        return new EncodingVersion(params.getUnsignedByte(at), params.getUnsignedByte(at + 1));
    }

    private void dispatch(ReplyChannel channel, RequestHeader header, ByteBuf params) {
        Current current = new Current(adapter, channel.info(), header.identity(), header.facet(),
                header.operation(), header.mode(), header.context(), header.requestId(),
                peekEncoding(params));
        Incoming request = new Incoming(channel, header, current, params, proxies, warnings);
        try {
            servants.router().dispatch(request);
        } catch (Throwable raised) {
            request.dispatchFailed(raised);
            if (raised instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
    }
}
