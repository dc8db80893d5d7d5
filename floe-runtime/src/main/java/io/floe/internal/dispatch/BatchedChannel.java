package io.floe.internal.dispatch;

import io.floe.ConnectionInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.Executor;

/**
 * The channel of one batched request: the batch as a whole is the connection's tracked
 * dispatch, so a batched request neither is tracked nor sends a reply of its own.
 */
record BatchedChannel(ReplyChannel channel) implements ReplyChannel {
    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public Executor dispatchExecutor() {
        return channel.dispatchExecutor();
    }

    @Override
    public ConnectionInfo info() {
        return channel.info();
    }

    @Override
    public io.floe.Connection connection() {
        return channel.connection();
    }

    @Override
    public void track(InFlightDispatch dispatch) {
    }

    @Override
    public void sendReply(InFlightDispatch dispatch, ByteBuf reply) {
        reply.release();
    }

    @Override
    public void endDispatch(InFlightDispatch dispatch) {
    }
}
