package io.floe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.CommunicatorDestroyedException;
import io.floe.UnknownException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JobQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<JobQueue> queues = new ArrayList<>();

    @AfterEach
    void closeQueues() throws InterruptedException {
        for (JobQueue queue : queues) {
            queue.close();
            assertThat(queue.awaitTermination(WAIT)).isTrue();
        }
    }

    @Test
    void aJobIsAnsweredByItsWork() {
        JobQueue queue = queue(2);
        var answer = new CompletableFuture<String>();

        queue.submit(job(answer, () -> answer.complete("done")));

        assertThat(answer).succeedsWithin(WAIT).isEqualTo("done");
    }

    @Test
    void aJobThatThrowsIsAnsweredWithWhatItThrew() {
        JobQueue queue = queue(1);
        var answer = new CompletableFuture<String>();
        var failure = new IllegalStateException("broken servant code");

        queue.submit(job(answer, () -> {
            throw failure;
        }));

        assertThat(answer).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isSameAs(failure);
    }

    @Test
    void aJobThatThrowsAnErrorIsAnsweredWithUnknownExceptionAndTheWorkerGoesOn() {
        JobQueue queue = queue(1);
        var first = new CompletableFuture<String>();
        var second = new CompletableFuture<String>();

        queue.submit(job(first, () -> {
            throw new AssertionError("bug");
        }));
        queue.submit(job(second, () -> second.complete("still serving")));

        assertThat(first).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(UnknownException.class).withMessageContaining("bug");
        assertThat(second).succeedsWithin(WAIT).isEqualTo("still serving");
    }

    @Test
    void closeAnswersQueuedJobsWithCommunicatorDestroyedAndLetsTheRunningOneFinish()
            throws InterruptedException {
        JobQueue queue = queue(1);
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var running = new CompletableFuture<String>();
        queue.submit(job(running, () -> {
            started.countDown();
            assertThat(release.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            running.complete("finished");
        }));
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var answer = new CompletableFuture<String>();
            queued.add(answer);
            queue.submit(job(answer, () -> answer.complete("ran after close")));
        }
        assertThat(queue.queued()).isEqualTo(5);

        queue.close();

        for (var answer : queued) {
            assertThat(answer).isCompletedExceptionally();
            assertThat(answer).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                    .havingCause().isInstanceOf(CommunicatorDestroyedException.class);
        }
        assertThat(running).isNotDone();
        release.countDown();
        assertThat(running).succeedsWithin(WAIT).isEqualTo("finished");
        assertThat(queue.awaitTermination(WAIT)).isTrue();
    }

    @Test
    void aJobSubmittedAfterCloseIsAnsweredAtOnceWithCommunicatorDestroyed() {
        JobQueue queue = queue(1);
        queue.close();
        var answer = new CompletableFuture<String>();

        queue.submit(job(answer, () -> answer.complete("ran")));

        assertThat(answer).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(CommunicatorDestroyedException.class);
    }

    @Test
    void theWorkersRunJobsAtTheSameTime() {
        int workers = 4;
        JobQueue queue = queue(workers);
        var allRunning = new CyclicBarrier(workers);
        List<CompletableFuture<String>> answers = new ArrayList<>();

        for (int i = 0; i < workers; i++) {
            var answer = new CompletableFuture<String>();
            answers.add(answer);
            // Each job waits for the others: it completes only if all four run at once.
            queue.submit(job(answer, () -> {
                allRunning.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                answer.complete("together");
            }));
        }

        for (var answer : answers) {
            assertThat(answer).succeedsWithin(WAIT).isEqualTo("together");
        }
        assertThat(queue.workers()).isEqualTo(workers);
    }

    @Test
    void peakQueuedCountsTheJobsThatWaitedAtOnce() throws InterruptedException {
        JobQueue queue = queue(1);
        var release = new CountDownLatch(1);
        var blocker = new CompletableFuture<String>();
        queue.submit(job(blocker, () -> {
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            blocker.complete("");
        }));
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var answer = new CompletableFuture<String>();
            answers.add(answer);
            queue.submit(job(answer, () -> answer.complete("")));
        }

        release.countDown();

        for (var answer : answers) {
            assertThat(answer).succeedsWithin(WAIT);
        }
        // The blocker may or may not have been taken before the others arrived.
        assertThat(queue.peakQueued()).isBetween(10, 11);
    }

    @Test
    void aQueueNeedsAWorker() {
        assertThatThrownBy(() -> new JobQueue("none", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workers: 0 (expected: >= 1)");
    }

    @Test
    void pastItsCapacityAJobIsAnsweredAtOnceWithAQueueFullError() throws Exception {
        JobQueue queue = new JobQueue("test-worker", 1, 2);
        queues.add(queue);
        CountDownLatch release = new CountDownLatch(1);
        var running = new CompletableFuture<String>();
        queue.submit(job(running, () -> {
            release.await(10, TimeUnit.SECONDS);
            running.complete("ran");
        }));
        // Wait until the worker holds the first job, so the next two wait in the queue.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.queued() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        var second = new CompletableFuture<String>();
        var third = new CompletableFuture<String>();
        var refused = new CompletableFuture<String>();
        queue.submit(job(second, () -> second.complete("ran")));
        queue.submit(job(third, () -> third.complete("ran")));
        queue.submit(job(refused, () -> refused.complete("ran")));

        assertThat(refused).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(UnknownException.class)
                .withMessageContaining("work queue is full (2 jobs waiting, Demo.QueueMax)");
        release.countDown();
        assertThat(CompletableFuture.allOf(running, second, third)).succeedsWithin(WAIT);
    }

    private JobQueue queue(int workers) {
        JobQueue queue = new JobQueue("test-worker", workers);
        queues.add(queue);
        return queue;
    }

    private static Job job(CompletableFuture<String> answer, Job.Work work) {
        return new Job(work, answer::completeExceptionally);
    }
}
