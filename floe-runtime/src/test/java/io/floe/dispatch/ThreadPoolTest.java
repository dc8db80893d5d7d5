package io.floe.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Current;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.LogCapture;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server thread pools' Ice semantics (ice-protocol.md §8.1), observed through dispatches. */
@Timeout(60)
class ThreadPoolTest {
    /** A synchronous add that blocks until released, recording who ran it and how many at once. */
    static final class BlockingCalculator extends StubCalculator {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final List<Integer> order = new CopyOnWriteArrayList<>();
        volatile boolean block = true;

        @Override
        public int add(int a, int b, Current current) {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            threads.add(Thread.currentThread().getName());
            order.add(a);
            try {
                if (block) {
                    release.await(20, TimeUnit.SECONDS);
                } else {
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return a + b;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static CalculatorPrx serve(Communicator server, Communicator client, String adapterName,
                                       BlockingCalculator servant) {
        ObjectAdapter adapter = server.createObjectAdapterWithEndpoints(adapterName, "tcp -h 127.0.0.1 -p 0");
        adapter.add(servant, Identity.of("calc"));
        adapter.activate();
        return CalculatorPrx.uncheckedCast(client.stringToProxy("calc:" + adapter.endpoints().get(0)));
    }

    @Test
    void thePoolGrowsToSizeMaxWhileEveryThreadIsBusyAndShrinksBackWhenIdle() throws Exception {
        Properties properties = new Properties().set("Ice.ThreadPool.Server.Size", "1")
                .set("Ice.ThreadPool.Server.SizeMax", "4").set("Ice.ThreadPool.Server.ThreadIdleTime", "1");
        try (Communicator server = Communicator.initialize(properties); Communicator client = Communicator.initialize()) {
            BlockingCalculator servant = new BlockingCalculator();
            CalculatorPrx calc = serve(server, client, "Grow", servant);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(calc.addAsync(i, 0));
            }
            await(() -> servant.running.get() == 4, "4 dispatches at once");
            Thread.sleep(100);
            assertThat(servant.running.get()).as("never more than SizeMax").isEqualTo(4);

            servant.release.countDown();
            assertThat(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(20));
            assertThat(servant.threads).hasSize(4).allMatch(name -> name.startsWith("floe-server-"));
            var pool = server._instance().serverPool();
            await(() -> pool.poolSize() == 1, "the pool to shrink back to Size after ThreadIdleTime");
        }
    }

    @Test
    void sizeWarnLogsWhenThePoolRunsLowOnThreads() throws Exception {
        Properties properties = new Properties().set("Ice.ThreadPool.Server.Size", "1")
                .set("Ice.ThreadPool.Server.SizeMax", "3").set("Ice.ThreadPool.Server.SizeWarn", "2");
        try (LogCapture log = new LogCapture();
             Communicator server = Communicator.initialize(properties); Communicator client = Communicator.initialize()) {
            BlockingCalculator servant = new BlockingCalculator();
            CalculatorPrx calc = serve(server, client, "Warn", servant);
            CompletableFuture<Integer> first = calc.addAsync(1, 0);
            CompletableFuture<Integer> second = calc.addAsync(2, 0);
            await(() -> servant.running.get() == 2, "2 dispatches at once");
            servant.release.countDown();
            assertThat(CompletableFuture.allOf(first, second)).succeedsWithin(Duration.ofSeconds(20));
            assertThat(log.text()).contains("thread pool 'Ice.ThreadPool.Server' is running low on threads: 2 of 3 busy");
        }
    }

    @Test
    void serializeDispatchesOneConnectionsRequestsInOrderOneAtATimeWhileConnectionsRunInParallel() throws Exception {
        Properties properties = new Properties().set("Ice.ThreadPool.Server.Size", "4")
                .set("Ice.ThreadPool.Server.Serialize", "1");
        try (Communicator server = Communicator.initialize(properties);
             Communicator clientA = Communicator.initialize(); Communicator clientB = Communicator.initialize()) {
            BlockingCalculator servant = new BlockingCalculator();
            servant.block = false;
            CalculatorPrx calcA = serve(server, clientA, "Serial", servant);
            CalculatorPrx calcB = CalculatorPrx.uncheckedCast(clientB.stringToProxy(calcA.ice_reference().toString()));
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(calcA.addAsync(i, 0));
            }
            assertThat(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(20));
            assertThat(servant.mostAtOnce.get()).isEqualTo(1);
            assertThat(servant.order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());

            // Two connections: each serial, but they may run at the same time.
            servant.block = true;
            CompletableFuture<Integer> a = calcA.addAsync(100, 0);
            CompletableFuture<Integer> b = calcB.addAsync(200, 0);
            await(() -> servant.running.get() == 2, "one dispatch of each connection at once");
            servant.release.countDown();
            assertThat(CompletableFuture.allOf(a, b)).succeedsWithin(Duration.ofSeconds(20));
        }
    }

    @Test
    void anAdapterWithThreadPoolPropertiesDispatchesOnAPoolOfItsOwn() throws Exception {
        Properties properties = new Properties().set("Own.ThreadPool.Size", "2");
        try (Communicator server = Communicator.initialize(properties); Communicator client = Communicator.initialize()) {
            BlockingCalculator servant = new BlockingCalculator();
            CalculatorPrx calc = serve(server, client, "Own", servant);
            // Two connections: the pool's two event loops serve one each.
            CompletableFuture<Integer> first = calc.addAsync(1, 0);
            CompletableFuture<Integer> second = CalculatorPrx.uncheckedCast(calc.ice_connectionId("other")).addAsync(2, 0);
            await(() -> servant.running.get() == 2, "2 dispatches at once on the adapter's 2 threads");
            servant.release.countDown();
            assertThat(CompletableFuture.allOf(first, second)).succeedsWithin(Duration.ofSeconds(20));
            assertThat(servant.threads).allMatch(name -> name.startsWith("floe-Own-"));
        }
    }

    @Test
    void aPoolOfFixedSizeDispatchesOnTheThreadThatReadTheRequestOneConnectionInOrder() throws Exception {
        Properties properties = new Properties().set("Ice.ThreadPool.Server.Size", "2");
        try (Communicator server = Communicator.initialize(properties); Communicator client = Communicator.initialize()) {
            BlockingCalculator servant = new BlockingCalculator();
            servant.block = false;
            CalculatorPrx calc = serve(server, client, "Loops", servant);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(calc.addAsync(i, 0));
            }
            assertThat(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(20));
            // One connection lives on one of the two loops: its requests ran there, one at a time, in order.
            assertThat(servant.threads).hasSize(1).allMatch(name -> name.startsWith("floe-server-"));
            assertThat(servant.mostAtOnce.get()).isEqualTo(1);
            assertThat(servant.order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
        }
    }

    @Test
    void handOffDispatchesOneConnectionsRequestsOnSeveralThreadsAtOnce() throws Exception {
        Properties properties = new Properties().set("Ice.ThreadPool.Server.Size", "2")
                .set("Ice.ThreadPool.Server.HandOff", "1");
        try (Communicator server = Communicator.initialize(properties); Communicator client = Communicator.initialize()) {
            BlockingCalculator servant = new BlockingCalculator();
            CalculatorPrx calc = serve(server, client, "HandOff", servant);
            CompletableFuture<Integer> first = calc.addAsync(1, 0);
            CompletableFuture<Integer> second = calc.addAsync(2, 0);
            await(() -> servant.running.get() == 2, "2 dispatches of one connection at once");
            servant.release.countDown();
            assertThat(CompletableFuture.allOf(first, second)).succeedsWithin(Duration.ofSeconds(20));
        }
    }

    @Test
    void clientFuturesCompleteOnTheClientPoolNeverOnAnEventLoop() throws Exception {
        try (Communicator server = Communicator.initialize(); Communicator client = Communicator.initialize()) {
            BlockingCalculator servant = new BlockingCalculator();
            servant.block = false;
            CalculatorPrx calc = serve(server, client, "ClientPool", servant);
            String thread = calc.addAsync(1, 1).thenApply(v -> Thread.currentThread().getName())
                    .get(20, TimeUnit.SECONDS);
            assertThat(thread).startsWith("floe-client-");
        }
    }
}
