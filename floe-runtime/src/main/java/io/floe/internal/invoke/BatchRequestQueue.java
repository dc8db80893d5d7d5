package io.floe.internal.invoke;

import io.floe.CompressBatch;
import io.floe.protocol.CompressionStatus;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The batch-oneway requests of one connection, waiting to go out together as one BatchRequest
 * (ice-protocol.md §2.4):
 * <pre>
 * header(type 1) | int32 count | count x (identity | facet | operation | mode | context | params)
 * </pre>
 * Requests keep the order they were queued in. The batch goes out when {@link #flush()} is
 * called, or by itself when queuing a request would make it reach the auto-flush size
 * ({@code Ice.BatchAutoFlushSize}): as Ice 3.7 does, the requests already queued are then sent and
 * the new one starts the next batch. The batch asks for compression if any of its requests did.
 * Thread-safe.
 */
public final class BatchRequestQueue {
    /** Header, request id: what a Request has that a batched request has not. */
    private static final int REQUEST_PREFIX = MessageHeader.SIZE + 4;
    private static final int BATCH_PREFIX = MessageHeader.SIZE + 4; // header, count

    private final ReentrantLock lock = new ReentrantLock();
    private final int autoFlushBytes;
    private final Function<ByteBuf, CompletableFuture<Void>> sender;
    private ByteBuf batch; // null when empty
    private int count;
    private boolean compress;

    /**
     * @param autoFlushBytes a batch is sent by itself at this size; 0: only when flushed
     * @param sender writes a finished BatchRequest message, which it then owns; completes once written
     */
    public BatchRequestQueue(int autoFlushBytes, Function<ByteBuf, CompletableFuture<Void>> sender) {
        this.autoFlushBytes = autoFlushBytes;
        this.sender = sender;
    }

    /**
     * Queues one request, given as the whole Request message {@link RequestEncoder} built (request
     * id 0; compression status 1 if it asked for compression). Takes ownership of {@code request}.
     */
    public void add(ByteBuf request) {
        ByteBuf full = null;
        int start = request.readerIndex();
        boolean wantsCompression = request.getByte(start + 9) != CompressionStatus.NONE.ordinal();
        int length = request.readableBytes() - REQUEST_PREFIX;
        lock.lock();
        try {
            if (batch != null && autoFlushBytes > 0 && batch.readableBytes() + length >= autoFlushBytes) {
                full = take();
            }
            if (batch == null) {
                batch = ByteBufAllocator.DEFAULT.ioBuffer(BATCH_PREFIX + length);
                MessageHeader.write(batch, MessageType.BATCH_REQUEST, CompressionStatus.NONE);
                batch.writeIntLE(0);
            }
            batch.writeBytes(request, start + REQUEST_PREFIX, length);
            count++;
            compress |= wantsCompression;
        } finally {
            lock.unlock();
            request.release();
        }
        if (full != null) {
            send(full);
        }
    }

    /** Sends what is queued as one message; completes once written (at once when nothing is queued). */
    public CompletableFuture<Void> flush() {
        return flush(CompressBatch.BASED_ON_PROXY);
    }

    /** {@link #flush()}, compressed as {@code compress} says ({@code Connection.flushBatchRequests}). */
    public CompletableFuture<Void> flush(CompressBatch compress) {
        ByteBuf message;
        lock.lock();
        try {
            if (compress != CompressBatch.BASED_ON_PROXY && batch != null) {
                this.compress = compress == CompressBatch.YES;
            }
            message = take();
        } finally {
            lock.unlock();
        }
        return message == null ? CompletableFuture.completedFuture(null) : send(message);
    }

    /** How many requests wait. */
    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Drops what is queued: the connection is gone (Ice discards it too; batches are oneway). */
    public int discard() {
        lock.lock();
        try {
            int dropped = count;
            ByteBuf message = take();
            if (message != null) {
                message.release();
            }
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    // Lock held: the finished message, and the queue empty again.
    private ByteBuf take() {
        ByteBuf message = batch;
        if (message == null) {
            return null;
        }
        int start = message.readerIndex();
        message.setIntLE(start + MessageHeader.SIZE, count);
        if (compress) {
            RequestEncoder.askForCompression(message);
        }
        MessageHeader.patchSize(message, start);
        batch = null;
        count = 0;
        compress = false;
        return message;
    }

    private CompletableFuture<Void> send(ByteBuf message) {
        return sender.apply(message);
    }
}
