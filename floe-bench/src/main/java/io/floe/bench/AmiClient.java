package io.floe.bench;

import Bench.ServicePrx;
import io.floe.Communicator;
import io.floe.InvocationFuture;
import io.floe.Properties;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds many AMI calls outstanding on one connection and measures what they cost the client:
 * {@code Bench.Calls} (default 100,000) {@code delayAsync(Bench.Ms)} calls on the proxy
 * {@code Bench.Proxy}; once every request is written and none is answered yet, it measures the
 * heap after a full GC and the process's RSS, then waits for every reply. Prints one JSON line
 * on stdout (the same fields as {@code bench/ice-java/AmiClientIce.java}, so the two compare).
 */
public final class AmiClient {
    static final String DEFAULT_PROXY = "bench:" + BenchServer.DEFAULT_ENDPOINT;
    private static final int WARMUP_CALLS = 2_000;

    private AmiClient() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = Properties.fromArgs(args);
        int calls = properties.getInt("Bench.Calls", 100_000);
        int ms = properties.getInt("Bench.Ms", 20_000);
        if (properties.isSet("help") || calls <= 0 || ms < 0) {
            usage(System.out);
            return;
        }
        try (Communicator communicator = Communicator.initialize(properties)) {
            ServicePrx service = ServicePrx.uncheckedCast(
                    communicator.stringToProxy(properties.get("Bench.Proxy", DEFAULT_PROXY)));
            System.out.println(measure(service, calls, ms).toJson("floe"));
        }
    }

    static AmiMemory measure(ServicePrx service, int calls, int ms) throws InterruptedException, IOException {
        warmUp(service);
        long heapBefore = ProcessMemory.heapUsedAfterGc();
        long rssBefore = ProcessMemory.rssBytes();

        CountDownLatch sent = new CountDownLatch(calls);
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<?>[] replies = new CompletableFuture<?>[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            InvocationFuture<Void> reply = service.delayAsync(ms);
            reply.whenSent(synchronously -> sent.countDown());
            reply.whenComplete((ignored, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                }
            });
            replies[i] = reply;
        }
        if (!sent.await(ms, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(sent.getCount() + " of " + calls
                    + " requests not written within " + ms + " ms; raise Bench.Ms");
        }
        double sentSeconds = (System.nanoTime() - start) / 1e9;
        long answeredEarly = countDone(replies);
        long heapOutstanding = ProcessMemory.heapUsedAfterGc();
        long rssOutstanding = ProcessMemory.rssBytes();

        CompletableFuture.allOf(replies).exceptionally(error -> null).join();
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        return new AmiMemory(calls, ms, sentSeconds, wallSeconds, answeredEarly, failed.get(),
                heapBefore, heapOutstanding, rssBefore, rssOutstanding, ProcessMemory.peakRssBytes());
    }

    // Loads and compiles the call path, so the measurement sees the calls and not the classes.
    private static void warmUp(ServicePrx service) {
        CompletableFuture<?>[] warm = new CompletableFuture<?>[WARMUP_CALLS];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = service.delayAsync(0);
        }
        CompletableFuture.allOf(warm).join();
    }

    private static long countDone(CompletableFuture<?>[] replies) {
        long done = 0;
        for (CompletableFuture<?> reply : replies) {
            done += reply.isDone() ? 1 : 0;
        }
        return done;
    }

    private static void usage(PrintStream out) {
        out.println("usage: floe bench-ami [--Bench.Proxy=PROXY] [--Bench.Calls=N] [--Bench.Ms=MS] [--Ice.Name=value ...]");
        out.println("Holds N delayAsync(MS) calls outstanding on one connection to PROXY (default '"
                + DEFAULT_PROXY + "', N 100000, MS 20000)");
        out.println("and prints the client's heap and RSS per outstanding call as one JSON line.");
    }
}
