package io.floe.demo;

import static java.util.Objects.requireNonNull;

import Demo.ModelPrx;
import Demo.RangeError;
import io.floe.Communicator;
import io.floe.InvocationTimeoutException;
import io.floe.LocalException;
import io.floe.Properties;
import io.floe.UnknownException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code Demo::Model}: a few small grids printed as sent and received, every RangeError
 * case, then a burst of concurrent {@code interpolateAsync} calls whose answers it checks
 * against {@link Interpolation}. Properties: {@code Model.Proxy} (default
 * {@value #DEFAULT_PROXY}), {@code Demo.Requests} (default 200), {@code Ice.*}.
 */
public final class DemoClient {
    private static final Logger log = LoggerFactory.getLogger(DemoClient.class);

    public static final String DEFAULT_PROXY = "model:" + DemoServer.DEFAULT_ENDPOINT;
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final ModelPrx model;
    private final PrintStream out;

    public DemoClient(ModelPrx model, PrintStream out) {
        this.model = requireNonNull(model, "model");
        this.out = requireNonNull(out, "out");
    }

    /** Everything: examples, range errors, then {@code requests} concurrent calls. */
    public boolean run(int requests) {
        boolean examples = showExamples();
        boolean rangeErrors = showRangeErrors();
        LoadReport load = fireConcurrent(requests);
        out.println(load);
        return examples && rangeErrors && load.succeeded();
    }

    /** Small grids and the four interesting factors; false when an answer is not the expected one. */
    public boolean showExamples() {
        boolean ok = true;
        ok &= show(new float[][] {{5}}, 0.5f);
        ok &= show(new float[][] {{1, 2}, {3, 4}}, 0.5f);
        ok &= show(new float[][] {{0, 0, 0}, {0, 9, 0}}, 0f);
        ok &= show(new float[][] {{0, 0, 0}, {0, 9, 0}}, 1f);
        ok &= show(new float[][] {{1, -2, 3, -4}, {5, 6.5f, -7, 8}, {-9, 10, 11, 12.25f}}, 0.25f);
        return ok;
    }

    /** Every case Demo.ice answers with RangeError; false when one was answered otherwise. */
    public boolean showRangeErrors() {
        float[][] square = {{1, 2}, {3, 4}};
        boolean ok = true;
        ok &= show(square, Float.NaN);
        ok &= show(square, -0.1f);
        ok &= show(square, 1.1f);
        ok &= show(square, Float.POSITIVE_INFINITY);
        ok &= show(new float[0][], 0.5f);
        ok &= show(new float[][] {{1, 2}, {}}, 0.5f);
        ok &= show(new float[][] {{1, 2}, {3}}, 0.5f);
        return ok;
    }

    /** Sends {@code requests} calls at once, then waits (bounded) for every answer. */
    public LoadReport fireConcurrent(int requests) {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong totalLatencyNanos = new AtomicLong();
        float[][][] grids = new float[requests][][];
        float[][][] answers = new float[requests][][];
        for (int i = 0; i < requests; i++) {
            grids[i] = sampleGrid(i);
            answers[i] = Interpolation.interpolate(grids[i], 0.5f).orElseThrow();
        }
        List<CompletableFuture<?>> calls = new ArrayList<>(requests);
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            float[][] grid = grids[i];
            float[][] expected = answers[i];
            long sent = System.nanoTime();
            calls.add(model.interpolateAsync(grid, 0.5f).whenComplete((result, error) -> {
                totalLatencyNanos.addAndGet(System.nanoTime() - sent);
                if (error == null && Arrays.deepEquals(result, expected)) {
                    answered.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    log.warn("request failed or answered wrongly: {}",
                            error != null ? error.toString() : GridText.format(result));
                }
            }));
        }
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // counted per call above
        } catch (TimeoutException e) {
            log.warn("{} of {} request(s) unanswered after {}", requests - answered.get()
                    - failed.get(), requests, CALL_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new LoadReport(requests, answered.get(), failed.get(), elapsed,
                Duration.ofNanos(totalLatencyNanos.get()));
    }

    /** Prints one call and its answer; true when the answer is what Demo.ice says. */
    private boolean show(float[][] grid, float factor) {
        String call = "interpolate(" + GridText.format(grid) + ", " + factor + ")";
        var expected = Interpolation.interpolate(grid, factor);
        try {
            float[][] result = interpolate(grid, factor);
            boolean ok = expected.isPresent() && Arrays.deepEquals(result, expected.get());
            out.println(call + " -> " + GridText.format(result) + (ok ? "" : "  (UNEXPECTED)"));
            return ok;
        } catch (RangeError e) {
            out.println(call + " -> RangeError" + (expected.isEmpty() ? "" : "  (UNEXPECTED)"));
            return expected.isEmpty();
        }
    }

    /** The synchronous call, with a bound on the wait. */
    private float[][] interpolate(float[][] grid, float factor) throws RangeError {
        try {
            return model.interpolateAsync(grid, factor)
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RangeError rangeError) {
                throw rangeError;
            }
            if (cause instanceof LocalException local) {
                throw local;
            }
            throw new UnknownException(String.valueOf(cause), cause);
        } catch (TimeoutException e) {
            throw new InvocationTimeoutException("no answer within " + CALL_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalException("interrupted while waiting for a reply", e);
        }
    }

    /** A 6x8 grid of varied values, different for each request. */
    static float[][] sampleGrid(int seed) {
        float[][] grid = new float[6][8];
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[r].length; c++) {
                grid[r][c] = ((seed * 31 + r * 7 + c * 3) % 19) - 9.5f;
            }
        }
        return grid;
    }

    public static void main(String[] args) {
        Properties properties = Properties.fromArgs(args);
        if (properties.isSet("help")) {
            System.out.println("usage: floe demo-client [--Model.Proxy=PROXY] [--Demo.Requests=N] "
                    + "[--Ice.Name=value ...]   (default proxy: " + DEFAULT_PROXY + ")");
            return;
        }
        String proxy = properties.get("Model.Proxy", DEFAULT_PROXY);
        int requests = properties.getInt("Demo.Requests", 200);
        boolean ok;
        try (Communicator communicator = Communicator.initialize(properties)) {
            ModelPrx model = ModelPrx.checkedCast(communicator.stringToProxy(proxy));
            if (model == null) {
                System.err.println(proxy + " is not a ::Demo::Model");
                System.exit(1);
                return;
            }
            System.out.println("calling " + proxy);
            ok = new DemoClient(model, System.out).run(requests);
        } catch (RuntimeException e) {
            log.error("demo client failed against {}", proxy, e);
            ok = false;
        }
        System.exit(ok ? 0 : 1);
    }
}
