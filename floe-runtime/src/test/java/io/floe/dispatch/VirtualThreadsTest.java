package io.floe.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Current;
import io.floe.testing.LogCapture;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * {@code Ice.ThreadPool.Server.Virtual=1}: a virtual thread per dispatch where the JVM has them.
 * The build runs this class on JDK 17 and again on the Temurin 25 JDK when it is installed.
 */
@Timeout(60)
class VirtualThreadsTest {
    /** A synchronous add that blocks until released. */
    static final class BlockingCalculator extends StubCalculator {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger running = new AtomicInteger();
        final Set<Boolean> virtual = ConcurrentHashMap.newKeySet();
        final Set<String> names = ConcurrentHashMap.newKeySet();

        @Override
        public int add(int a, int b, Current current) {
            running.incrementAndGet();
            virtual.add(isVirtual(Thread.currentThread()));
            names.add(Thread.currentThread().getName());
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return a + b;
        }
    }

    static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false; // JDK 17: there are none
        }
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void blockingSynchronousServantsScaleOnVirtualThreads() throws Exception {
        BlockingCalculator servant = new BlockingCalculator();
        try (AmdGuaranteesTest.Pair pair = AmdGuaranteesTest.Pair.serving(servant,
                "Ice.ThreadPool.Server.Virtual", "1")) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                calls.add(pair.calc().addAsync(i, 1));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (servant.running.get() < 1000 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(servant.running.get()).as("all 1000 blocked at once").isEqualTo(1000);
            assertThat(servant.virtual).containsExactly(true);
            assertThat(servant.names).allMatch(name -> name.startsWith("floe-server-virtual-"));

            servant.release.countDown();
            assertThat(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(20));
        }
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void withoutVirtualThreadsTheServerWarnsAtStartupAndUsesItsOrdinaryPool() throws Exception {
        BlockingCalculator servant = new BlockingCalculator();
        servant.release.countDown();
        try (LogCapture log = new LogCapture();
             AmdGuaranteesTest.Pair pair = AmdGuaranteesTest.Pair.serving(servant, "Ice.ThreadPool.Server.Virtual", "1")) {
            assertThat(log.text()).contains("Ice.ThreadPool.Server.Virtual=1 needs virtual threads (JDK 21 or newer)");
            assertThat(pair.calc().add(1, 1)).isEqualTo(2);
            assertThat(servant.virtual).containsExactly(false);
            assertThat(servant.names).allMatch(name -> name.startsWith("floe-server-"));
        }
    }
}
