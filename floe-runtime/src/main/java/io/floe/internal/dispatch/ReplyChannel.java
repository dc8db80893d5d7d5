package io.floe.internal.dispatch;

import io.floe.Connection;
import io.floe.ConnectionInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.Executor;

/**
 * What a dispatch needs from the connection its request came on. Every accepted request is
 * tracked from decode ({@link #track}) until its reply is handed over ({@link #sendReply}) or
 * it ends without one ({@link #endDispatch}). Thread-safe.
 */
public interface ReplyChannel {
    ByteBufAllocator alloc();

    /** Where this connection's dispatches run (serial per connection under Serialize=1). */
    Executor dispatchExecutor();

    /** Null for a collocated call. */
    ConnectionInfo info();

    /** The connection as the application sees it ({@code Current.con}); null for a collocated call. */
    Connection connection();

    /** Counts a dispatch from the moment its request is decoded. Called on the event loop. */
    void track(InFlightDispatch dispatch);

    /** Writes a finished reply and then ends the dispatch. Never throws. */
    void sendReply(InFlightDispatch dispatch, ByteBuf reply);

    /** Ends a dispatch that sends no reply (oneway, batched, or its connection is gone). */
    void endDispatch(InFlightDispatch dispatch);
}
