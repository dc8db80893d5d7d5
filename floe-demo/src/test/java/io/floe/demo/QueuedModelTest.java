package io.floe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import Demo.AMD_Model_interpolate;
import Demo.RangeError;
import io.floe.CommunicatorDestroyedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The servant alone, with a callback that records its answer instead of a runtime's reply. */
@Timeout(30)
class QueuedModelTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JobQueue queue = new JobQueue("model-test", 1);

    @AfterEach
    void closeQueue() throws InterruptedException {
        queue.close();
        assertThat(queue.awaitTermination(WAIT)).isTrue();
    }

    @Test
    void interpolateAnswersWithTheGridFromAWorker() throws RangeError {
        var model = new QueuedModel(queue, Duration.ZERO);
        var answer = new RecordedAnswer();

        model.interpolate_async(answer, new float[][] {{1, 2}, {3, 4}}, 0.5f, null);

        assertThat(answer.grid).succeedsWithin(WAIT)
                .isEqualTo(new float[][] {{1.75f, 2.25f}, {2.75f, 3.25f}});
        assertThat(answer.thread).succeedsWithin(WAIT).asString().startsWith("model-test-");
    }

    @Test
    void interpolateOutOfRangeAnswersWithRangeError() throws RangeError {
        var model = new QueuedModel(queue, Duration.ZERO);
        var answer = new RecordedAnswer();

        model.interpolate_async(answer, new float[][] {{1, 2}, {3}}, 0.5f, null);

        assertThat(answer.grid).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(RangeError.class);
    }

    @Test
    void theDispatchReturnsBeforeTheWorkIsDone() throws RangeError {
        var model = new QueuedModel(queue, Duration.ofSeconds(1));
        var answer = new RecordedAnswer();

        long start = System.nanoTime();
        model.interpolate_async(answer, new float[][] {{1}}, 0.5f, null);
        Duration dispatch = Duration.ofNanos(System.nanoTime() - start);

        assertThat(dispatch).isLessThan(Duration.ofMillis(500));
        assertThat(answer.grid).isNotDone();
        assertThat(answer.grid).succeedsWithin(WAIT).isEqualTo(new float[][] {{1}});
        assertThat(model.dispatchThreads()).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aRequestAfterShutdownIsAnsweredWithCommunicatorDestroyed() throws RangeError {
        var model = new QueuedModel(queue, Duration.ZERO);
        var answer = new RecordedAnswer();
        queue.close();

        model.interpolate_async(answer, new float[][] {{1}}, 0.5f, null);

        assertThat(answer.grid).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(CommunicatorDestroyedException.class);
    }

    /** A fake of the generated callback: what the runtime would have sent. */
    private static final class RecordedAnswer implements AMD_Model_interpolate {
        final CompletableFuture<float[][]> grid = new CompletableFuture<>();
        final CompletableFuture<String> thread = new CompletableFuture<>();

        @Override
        public void ice_response(float[][] returnValue) {
            thread.complete(Thread.currentThread().getName());
            grid.complete(returnValue);
        }

        @Override
        public void ice_exception(Exception ex) {
            thread.complete(Thread.currentThread().getName());
            grid.completeExceptionally(ex);
        }
    }
}
