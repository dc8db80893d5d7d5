import com.zeroc.Ice.Communicator;
import com.zeroc.Ice.InitializationData;
import com.zeroc.Ice.Properties;
import com.zeroc.Ice.Util;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ZeroC Ice for Java 3.7 counterpart of Floe's io.floe.bench.AmiClient, measured the same
 * way: Bench.Calls (default 100,000) delayAsync(Bench.Ms) calls outstanding on one connection to
 * Bench.Proxy; once every request is written, the heap after a full GC and the process's RSS;
 * then it waits for every reply and prints one JSON line with the same fields as Floe's.
 *
 * Written for Floe's benchmark against the Ice 3.7 Java mapping; bench/ice-java/build.sh compiles
 * it against the Debian package's ice-3.7.8.jar.
 */
public final class AmiClientIce {
    private static final int WARMUP_CALLS = 2_000;

    public static void main(String[] args) throws Exception {
        InitializationData init = new InitializationData();
        List<String> rest = new ArrayList<>();
        init.properties = Util.createProperties(args, null, rest);
        Properties properties = init.properties;
        properties.parseCommandLineOptions("Bench", rest.toArray(new String[0]));
        int calls = properties.getPropertyAsIntWithDefault("Bench.Calls", 100_000);
        int ms = properties.getPropertyAsIntWithDefault("Bench.Ms", 20_000);
        String proxy = properties.getPropertyWithDefault("Bench.Proxy", "bench:tcp -h 127.0.0.1 -p 12000");

        try (Communicator communicator = Util.initialize(init)) {
            Bench.ServicePrx service = Bench.ServicePrx.uncheckedCast(communicator.stringToProxy(proxy));
            CompletableFuture<?>[] warm = new CompletableFuture<?>[WARMUP_CALLS];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = service.delayAsync(0);
            }
            CompletableFuture.allOf(warm).join();
            long heapBefore = heapUsedAfterGc();
            long rssBefore = statusKilobytes("VmRSS:") * 1024;

            CountDownLatch sent = new CountDownLatch(calls);
            AtomicInteger failed = new AtomicInteger();
            CompletableFuture<?>[] replies = new CompletableFuture<?>[calls];
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                CompletableFuture<Void> reply = service.delayAsync(ms);
                Util.getInvocationFuture(reply).whenSent((synchronously, error) -> sent.countDown());
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
            long answeredEarly = 0;
            for (CompletableFuture<?> reply : replies) {
                answeredEarly += reply.isDone() ? 1 : 0;
            }
            long heapOutstanding = heapUsedAfterGc();
            long rssOutstanding = statusKilobytes("VmRSS:") * 1024;

            CompletableFuture.allOf(replies).exceptionally(error -> null).join();
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            long peakRss = statusKilobytes("VmHWM:") * 1024;
            System.out.println(String.format(Locale.ROOT, "{\"client\":\"ice-java\",\"calls\":%d,\"ms\":%d,"
                            + "\"sent_s\":%.3f,\"wall_s\":%.3f,\"answered_early\":%d,\"failed\":%d,"
                            + "\"heap_before_mib\":%.1f,\"heap_outstanding_mib\":%.1f,\"heap_per_call_bytes\":%.0f,"
                            + "\"rss_before_mib\":%.1f,\"rss_outstanding_mib\":%.1f,\"rss_per_call_bytes\":%.0f,"
                            + "\"peak_rss_mib\":%.1f}",
                    calls, ms, sentSeconds, wallSeconds, answeredEarly, failed.get(), mib(heapBefore),
                    mib(heapOutstanding), (double) (heapOutstanding - heapBefore) / calls, mib(rssBefore),
                    mib(rssOutstanding), (double) (rssOutstanding - rssBefore) / calls, mib(peakRss)));
        }
    }

    private static long heapUsedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long statusKilobytes(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        return 0;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
