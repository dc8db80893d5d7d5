package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our {@code ./floe demo-server} (io.floe.demo.DemoServer) against the real ZeroC Ice client:
 * it must answer demo_client.py line for line as the reference server does.
 */
@Timeout(180)
class FloeDemoServerInteropTest {
    @Test
    void thePythonClientGetsTheSameLinesFromOurServerAsFromTheReference() throws Exception {
        PythonDemoClient.Run expected;
        try (PeerProcess reference = Repository.startReferenceDemoServer()) {
            expected = PythonDemoClient.against(reference.endpoint());
        }
        assertThat(expected.exitStatus()).as(expected.stderr()).isZero();

        try (PeerProcess ours = Repository.startFloeDemoServer()) {
            PythonDemoClient.Run actual = PythonDemoClient.against(ours.endpoint());

            assertThat(actual.exitStatus()).as("%s%n%s", actual.stderr(), ours.output()).isZero();
            assertThat(actual.lines()).containsExactlyElementsOf(expected.lines());
        }
    }

    @Test
    void ourServerPrintsOneReadyLineAndStopsOnSigtermWithinSeconds() {
        try (PeerProcess ours = Repository.startFloeDemoServer("--Demo.Workers=3")) {
            assertThat(ours.endpoint()).startsWith("tcp -h 127.0.0.1 -p ");
            assertThat(ours.port()).isPositive();
            assertThat(ours.stdoutLines()).containsExactly("ready " + ours.endpoint());

            long start = System.nanoTime();
            int status = ours.stop();

            assertThat(status).as(ours.output()).isIn(0, 143);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PeerProcess.STOP_TIMEOUT);
            assertThat(ours.stdoutLines()).hasSize(1);
        }
    }
}
