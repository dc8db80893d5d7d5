package io.floe.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.InvocationFuture;
import io.floe.testing.Calculator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Asynchronous invocations: sent callbacks (Ice's flow control) and many calls outstanding at once. */
@Timeout(120)
class AmiFlowControlTest {
    @Test
    void aTwowayCallReportsBeingSentBeforeItsReplyOnTheClientPool() throws Exception {
        AmdGuaranteesTest.ParkingCalculator servant = new AmdGuaranteesTest.ParkingCalculator();
        try (AmdGuaranteesTest.Pair pair = AmdGuaranteesTest.Pair.serving(servant)) {
            pair.calc().ice_ping(); // connected: the next request can be written at once
            CountDownLatch sent = new CountDownLatch(1);
            AtomicReference<String> thread = new AtomicReference<>();

            InvocationFuture<Integer> call = pair.calc().addLaterAsync(1, 2).whenSent(synchronously -> {
                thread.set(Thread.currentThread().getName());
                sent.countDown();
            });

            assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(call.isSent()).isTrue();
            assertThat(call).isNotDone();
            assertThat(thread.get()).doesNotContain("floe-transport").doesNotContain("nioEventLoop");
            servant.next().ice_response(3);
            assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(3);
        }
    }

    @Test
    void aCallThatCannotConnectNeverReportsBeingSent() throws Exception {
        try (io.floe.Communicator client = io.floe.Communicator.initialize("--Ice.RetryIntervals=-1")) {
            int dead;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                dead = s.getLocalPort();
            }
            InvocationFuture<Void> call = client.stringToProxy("x:tcp -h 127.0.0.1 -p " + dead).ice_pingAsync();
            AtomicInteger sent = new AtomicInteger();
            call.whenSent(s -> sent.incrementAndGet());

            assertThat(call).failsWithin(Duration.ofSeconds(10));
            assertThat(call.isSent()).isFalse();
            assertThat(sent).hasValue(0);
        }
    }

    @Test
    void twentyThousandOutstandingCallsOnOneConnectionAllCompleteAndReportBeingSent() throws Exception {
        int n = 20_000;
        AmdGuaranteesTest.ParkingCalculator servant = new AmdGuaranteesTest.ParkingCalculator();
        try (AmdGuaranteesTest.Pair pair = AmdGuaranteesTest.Pair.serving(servant, "Test.MaxDispatches", "0")) {
            pair.calc().ice_ping();
            long before = usedHeap();
            AtomicInteger sent = new AtomicInteger();
            List<CompletableFuture<Integer>> calls = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                calls.add(pair.calc().addLaterAsync(i, 1).whenSent(s -> sent.incrementAndGet()));
            }
            List<Calculator.AddLaterCallback> parked = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parked.add(servant.next());
            }
            long during = usedHeap();
            System.out.printf("AMI: %d twoway calls outstanding on one connection (client and server in one JVM):"
                    + " heap %d KiB before, %d KiB with all parked, %.0f bytes per call (paranoid leak detection included)%n",
                    n, before / 1024, during / 1024, (during - before) / (double) n);
            assertThat(sent).hasValue(n);
            assertThat(calls).noneMatch(CompletableFuture::isDone);

            parked.forEach(cb -> cb.ice_response(-1));
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(calls).allMatch(c -> c.join() == -1);
            System.out.printf("AMI: all %d answered; heap %d KiB after%n", n, usedHeap() / 1024);
        }
    }

    /** Bytes of live objects, from a full-GC class histogram (System.gc() may leave garbage). */
    static long usedHeap() {
        try {
            String histogram = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            histogram.lines().skip(2).limit(Long.getLong("floe.test.histogramLines", 0))
                    .forEach(l -> System.out.println("heap: " + l));
            String[] total = histogram.strip().lines().reduce((a, b) -> b).orElseThrow().trim().split("\\s+");
            return Long.parseLong(total[total.length - 1]);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("no class histogram", e);
        }
    }
}
