package io.floe.demo;

import static java.util.Objects.requireNonNull;

import Demo.AMD_Model_interpolate;
import Demo.Model;
import Demo.RangeError;
import io.floe.Current;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AMD chapter's servant: {@code interpolate} does no work on the dispatch thread. It wraps
 * the callback and the arguments into a {@link Job}, appends it to the {@link JobQueue} and
 * returns, so one dispatch thread keeps accepting requests while the workers compute.
 */
public final class QueuedModel implements Model {
    private final JobQueue queue;
    private final Duration workTime;
    private final Set<String> dispatchThreads = ConcurrentHashMap.newKeySet();

    /**
     * @param workTime how long each job pretends to work before computing (zero: none); it
     *                 makes the demo's concurrency visible, as a slow computation would
     */
    public QueuedModel(JobQueue queue, Duration workTime) {
        this.queue = requireNonNull(queue, "queue");
        this.workTime = requireNonNull(workTime, "workTime");
    }

    @Override
    public void interpolate_async(AMD_Model_interpolate cb, float[][] data, float factor,
                                  Current current) {
        dispatchThreads.add(Thread.currentThread().getName());
        queue.submit(new Job(() -> answer(cb, data, factor), cb::ice_exception));
    }

    /** The names of the threads that dispatched interpolate so far, sorted. */
    public Set<String> dispatchThreads() {
        return new TreeSet<>(dispatchThreads);
    }

    private void answer(AMD_Model_interpolate cb, float[][] data, float factor)
            throws InterruptedException {
        if (!workTime.isZero()) {
            Thread.sleep(workTime.toMillis());
        }
        Interpolation.interpolate(data, factor).ifPresentOrElse(
                cb::ice_response,
                () -> cb.ice_exception(new RangeError()));
    }
}
