package io.floe.internal.dispatch;

import io.floe.ConnectionInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The channel of one batched request: its batch is a single counted dispatch, so a batched
 * request neither sends a reply nor ends a dispatch of its own.
 */
record BatchedChannel(ReplyChannel connection) implements ReplyChannel {
    @Override
    public ByteBufAllocator alloc() {
        return connection.alloc();
    }

    @Override
    public void sendReply(ByteBuf reply) {
        reply.release();
    }

    @Override
    public void endDispatch() {
    }

    @Override
    public ConnectionInfo info() {
        return connection.info();
    }
}
