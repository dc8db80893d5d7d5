package io.floe.demo;

import java.time.Duration;

/**
 * What a burst of concurrent requests looked like from the client.
 *
 * @param totalLatency the sum of every answered request's time from sending to answer; divided
 *                     by {@code elapsed}, it is the mean number of requests in flight at once
 *                     (Little's law), the client's view of the server's concurrency
 */
public record LoadReport(int requests, int answered, int failed, Duration elapsed,
                         Duration totalLatency) {
    public boolean succeeded() {
        return answered == requests && failed == 0;
    }

    public double meanInFlight() {
        return elapsed.isZero() ? 0 : (double) totalLatency.toNanos() / elapsed.toNanos();
    }

    @Override
    public String toString() {
        long meanLatencyMillis = answered == 0 ? 0 : totalLatency.toMillis() / answered;
        return String.format("%d request(s): %d answered correctly, %d failed, in %d ms "
                        + "(mean latency %d ms, on average %.0f in flight at once)",
                requests, answered, failed, elapsed.toMillis(), meanLatencyMillis, meanInFlight());
    }
}
