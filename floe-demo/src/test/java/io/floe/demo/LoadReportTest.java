package io.floe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadReportTest {
    @Test
    void theMeanInFlightIsTheTotalLatencyOverTheElapsedTime() {
        // 200 requests of 500 ms each within 1 s: 100 in flight on average.
        var report = new LoadReport(200, 200, 0, Duration.ofSeconds(1), Duration.ofSeconds(100));

        assertThat(report.meanInFlight()).isCloseTo(100.0, within(1e-9));
        assertThat(report.succeeded()).isTrue();
        assertThat(report).hasToString("200 request(s): 200 answered correctly, 0 failed, "
                + "in 1000 ms (mean latency 500 ms, on average 100 in flight at once)");
    }

    @Test
    void aFailedOrMissingAnswerIsNoSuccess() {
        assertThat(new LoadReport(3, 2, 1, Duration.ofMillis(5), Duration.ofMillis(5)).succeeded())
                .isFalse();
        assertThat(new LoadReport(3, 2, 0, Duration.ofMillis(5), Duration.ofMillis(5)).succeeded())
                .isFalse();
    }
}
