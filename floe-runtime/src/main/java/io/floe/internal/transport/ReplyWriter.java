package io.floe.internal.transport;

import io.floe.internal.dispatch.InFlightDispatch;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The replies completed off the event loop (by dispatch threads, AMD callbacks, timers) for the
 * connections of one event loop. They are written by one task per burst, not one per reply, and
 * each connection is flushed once per burst: 10,000 AMD replies completed by a timer cost a
 * handful of event-loop wake-ups, and pipelined replies of one connection share a system call.
 */
final class ReplyWriter {
    private record Pending(Connection connection, InFlightDispatch dispatch, ByteBuf reply) {
    }

    private final EventLoop loop;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Connection> toFlush = new ArrayList<>(); // event loop only
    private final Runnable drain = this::drain;

    ReplyWriter(EventLoop loop) {
        this.loop = loop;
    }

    /** Any thread. */
    void enqueue(Connection connection, InFlightDispatch dispatch, ByteBuf reply) {
        queue.add(new Pending(connection, dispatch, reply));
        if (scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(drain);
            } catch (RejectedExecutionException e) {
                discard(); // the communicator is gone (say, an AMD callback answered late): nothing will be written
            }
        }
    }

    private void discard() {
        Pending next;
        while ((next = queue.poll()) != null) {
            next.reply.release();
            next.connection.endDispatch(next.dispatch);
        }
        scheduled.set(false);
    }

    private void drain() {
        while (true) {
            Pending next;
            while ((next = queue.poll()) != null) {
                if (next.connection.writeReply(next.dispatch, next.reply)) {
                    toFlush.add(next.connection);
                }
            }
            for (Connection connection : toFlush) {
                connection.flushReplies();
            }
            toFlush.clear();
            scheduled.set(false);
            // A reply enqueued after the last poll but before the flag was cleared saw it set.
            if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
