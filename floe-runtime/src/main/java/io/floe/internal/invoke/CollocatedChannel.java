package io.floe.internal.invoke;

import io.floe.CommunicatorDestroyedException;
import io.floe.ConnectionInfo;
import io.floe.internal.dispatch.CollocatedDispatches;
import io.floe.internal.dispatch.InFlightDispatch;
import io.floe.internal.dispatch.ReplyChannel;
import io.floe.protocol.MessageHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The reply path of one collocated call: the encoded reply completes the waiting call on the
 * client executor, as a reply read from a connection would, with no connection in between.
 */
final class CollocatedChannel implements ReplyChannel {
    private static final int REPLY_PREFIX = MessageHeader.SIZE + 4; // header, request id

    private final OutgoingCall<?> call; // null for a oneway call
    private final Executor completions;
    private final Executor dispatchExecutor;
    private final CollocatedDispatches pending;

    CollocatedChannel(OutgoingCall<?> call, Executor completions, Executor dispatchExecutor,
                      CollocatedDispatches pending) {
        this.call = call;
        this.completions = completions;
        this.dispatchExecutor = dispatchExecutor;
        this.pending = pending;
    }

    @Override
    public Executor dispatchExecutor() {
        return dispatchExecutor;
    }

    /** A collocated dispatch belongs to no connection: the adapter keeps it until it ends. */
    @Override
    public void track(InFlightDispatch dispatch) {
        pending.track(dispatch);
    }

    @Override
    public ByteBufAllocator alloc() {
        return ByteBufAllocator.DEFAULT;
    }

    @Override
    public void sendReply(InFlightDispatch dispatch, ByteBuf reply) {
        dispatch.ended();
        pending.ended(dispatch);
        if (call == null) {
            reply.release();
            return;
        }
        reply.skipBytes(REPLY_PREFIX);
        complete(() -> call.complete(reply));
    }

    /** A twoway call ends without a reply only when its dispatch was refused. */
    @Override
    public void endDispatch(InFlightDispatch dispatch) {
        dispatch.ended();
        pending.ended(dispatch);
        if (call != null) {
            complete(() -> call.fail(new CommunicatorDestroyedException(
                    "collocated request " + call.operation() + " dropped: the dispatch executor is shut down")));
        }
    }

    @Override
    public ConnectionInfo info() {
        return null;
    }

    @Override
    public io.floe.Connection connection() {
        return null;
    }

    // Inline once the client executor is shut down, so no call is left waiting.
    private void complete(Runnable task) {
        try {
            completions.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }
}
