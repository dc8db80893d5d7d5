package io.floe.demo;

import io.floe.CommunicatorDestroyedException;
import io.floe.UnknownException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application threads of the AMD chapter: servants append jobs and return at once, and a
 * few worker threads take them in order and answer them. Every job is answered exactly once
 * through its own code or its failure function: a job that throws is answered with what it
 * threw, and jobs still queued at {@link #close} (or submitted after it) are answered with
 * {@link CommunicatorDestroyedException}, as the reference server does. Thread-safe.
 */
public final class JobQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition jobsOrClosed = lock.newCondition();
    private final ArrayDeque<Job> jobs = new ArrayDeque<>();
    private final List<Thread> workers;
    private final int capacity;
    private boolean closed;
    private int peakQueued;

    /** Starts {@code workers} threads named {@code <name>-1}, {@code <name>-2}, ..., unbounded. */
    public JobQueue(String name, int workers) {
        this(name, workers, Integer.MAX_VALUE);
    }

    /**
     * Starts {@code workers} threads; at most {@code capacity} jobs wait at once, and a job
     * submitted past that is answered at once with an error that says so, instead of the queue
     * growing without limit.
     */
    public JobQueue(String name, int workers, int capacity) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers: " + workers + " (expected: >= 1)");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
        }
        this.capacity = capacity;
        List<Thread> threads = new ArrayList<>(workers);
        for (int i = 1; i <= workers; i++) {
            Thread thread = new Thread(this::serve, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        this.workers = List.copyOf(threads);
        this.workers.forEach(Thread::start);
    }

    public int workers() {
        return workers.size();
    }

    /**
     * Appends a job. Once closed, answers it at once with CommunicatorDestroyedException; when
     * {@code capacity} jobs already wait, answers it at once with an UnknownException saying the
     * queue is full.
     */
    public void submit(Job job) {
        boolean full;
        lock.lock();
        try {
            full = !closed && jobs.size() >= capacity;
            if (!closed && !full) {
                jobs.addLast(job);
                peakQueued = Math.max(peakQueued, jobs.size());
                jobsOrClosed.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        fail(job, full ? new UnknownException("the server's work queue is full (" + capacity
                + " jobs waiting, Demo.QueueMax); try again later") : destroyed());
    }

    /** Jobs waiting for a worker. */
    public int queued() {
        lock.lock();
        try {
            return jobs.size();
        } finally {
            lock.unlock();
        }
    }

    /** The most jobs that were ever waiting at once: how far the dispatch ran ahead of the workers. */
    public int peakQueued() {
        lock.lock();
        try {
            return peakQueued;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops taking jobs: the workers finish the job each one is running, and every job still
     * queued is answered with CommunicatorDestroyedException. Returns at once; idempotent.
     */
    @Override
    public void close() {
        List<Job> pending;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            pending = new ArrayList<>(jobs);
            jobs.clear();
            jobsOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
        if (!pending.isEmpty()) {
            log.info("answering {} queued job(s) with CommunicatorDestroyedException", pending.size());
        }
        for (Job job : pending) {
            fail(job, destroyed());
        }
    }

    /** After {@link #close}: waits until every worker has finished; true when they all did. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMillis > 0) {
                worker.join(leftMillis); // join(0) would wait forever
            }
            if (worker.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void serve() {
        Job job;
        while ((job = take()) != null) {
            run(job);
        }
    }

    /** The next job, or null once closed. */
    private Job take() {
        lock.lock();
        try {
            while (jobs.isEmpty() && !closed) {
                jobsOrClosed.awaitUninterruptibly();
            }
            return closed ? null : jobs.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    private static void run(Job job) {
        try {
            job.work().run();
        } catch (Exception e) {
            log.debug("job failed; answering with {}", e.toString(), e);
            fail(job, e);
        } catch (Error e) {
            // Still answer the client; the worker goes on with the next job.
            log.error("job failed with an error; answering with UnknownException", e);
            fail(job, new UnknownException(e.toString(), e));
        }
    }

    private static void fail(Job job, Exception error) {
        try {
            job.failure().accept(error);
        } catch (RuntimeException e) {
            log.error("answering a job with {} failed", error.toString(), e);
        }
    }

    private static CommunicatorDestroyedException destroyed() {
        return new CommunicatorDestroyedException("the job queue was shut down");
    }
}
