package io.floe.bench;

import Bench.AMD_Service_delay;
import Bench.Service;
import io.floe.CommunicatorDestroyedException;
import io.floe.Current;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The {@code Bench::Service} servant. {@code delay} is answered by one shared timer thread, so a
 * pending call costs a scheduled task and its callback, never a thread; {@code block} holds the
 * dispatch thread for the whole wait. {@code shutdown} runs the action the server gave it.
 */
public final class BenchService implements Service {
    private final ScheduledThreadPoolExecutor timer;
    private final Runnable onShutdown;

    /** {@code onShutdown} runs on the dispatch thread of a {@code shutdown()} call; it must not block. */
    public BenchService(Runnable onShutdown) {
        this.onShutdown = onShutdown;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "bench-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Delays already scheduled still answer after shutdown(): a graceful stop waits for them.
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(true);
    }

    @Override
    public void ping(Current current) {
    }

    @Override
    public byte[] echo(byte[] data, Current current) {
        return data;
    }

    @Override
    public void upload(byte[] data, Current current) {
    }

    @Override
    public void delay_async(AMD_Service_delay cb, int ms, Current current) {
        try {
            timer.schedule(cb::ice_response, ms, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            cb.ice_exception(new CommunicatorDestroyedException("the bench server is stopping"));
        }
    }

    @Override
    public void block(int ms, Current current) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // answer at once; the thread's owner sees the flag
        }
    }

    @Override
    public void shutdown(Current current) {
        onShutdown.run();
    }

    /** Delays scheduled but not yet answered; for tests and diagnostics. */
    public int pendingDelays() {
        return timer.getQueue().size();
    }

    /**
     * Accepts no new delays and waits, at most {@code timeout}, until the scheduled ones have
     * answered. Returns false if some had not.
     */
    public boolean stopTimer(Duration timeout) throws InterruptedException {
        timer.shutdown();
        return timer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
