package io.floe.internal.pool;

import io.netty.channel.EventLoop;
import java.util.concurrent.Executor;

/**
 * The dispatch executor of a connection served by an {@link EventLoopPool}: a task submitted on
 * the connection's own loop runs at once, on that thread (a request is dispatched where its bytes
 * arrived); from any other thread it is queued to that loop, behind what the loop already has.
 */
public final class LoopExecutor implements Executor {
    private final EventLoop loop;
    private final LoopWatch watch;

    LoopExecutor(EventLoop loop, LoopWatch watch) {
        this.loop = loop;
        this.watch = watch;
    }

    /** The watch of {@code channelLoop} when it is this executor's loop; null otherwise. */
    public LoopWatch watchOf(EventLoop channelLoop) {
        return channelLoop == loop ? watch : null;
    }

    /** Loop: runs a dispatch inline, watched (see {@link LoopWatch}). */
    public void dispatchInline(Runnable dispatch) {
        watch.enter();
        try {
            dispatch.run();
        } finally {
            watch.exit();
        }
    }

    /** True on the loop itself: {@link #execute} would run the task inline. */
    public boolean inLoop() {
        return loop.inEventLoop();
    }

    @Override
    public void execute(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }
}
