package io.floe.internal.dispatch;

import io.floe.ConnectionInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** What a dispatch needs from the connection its request came on. Thread-safe. */
public interface ReplyChannel {
    ByteBufAllocator alloc();

    /** Hands a finished reply to the event loop and ends one dispatch. Never throws. */
    void sendReply(ByteBuf reply);

    /** Ends one dispatch that sends no reply (oneway or batched). */
    void endDispatch();

    /** Null for a collocated call. */
    ConnectionInfo info();
}
