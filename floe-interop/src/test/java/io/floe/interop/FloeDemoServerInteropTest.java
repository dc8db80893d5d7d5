package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void onSigtermOurServerSendsCloseConnectionToAConnectedClient() throws Exception {
        byte[] validate = {0x49, 0x63, 0x65, 0x50, 1, 0, 1, 0, 3, 0, 14, 0, 0, 0};
        byte[] close = {0x49, 0x63, 0x65, 0x50, 1, 0, 1, 0, 4, 0, 14, 0, 0, 0};
        try (PeerProcess ours = Repository.startFloeDemoServer();
             Socket client = new Socket("127.0.0.1", ours.port())) {
            client.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            byte[] first = new byte[14];
            in.readFully(first);
            assertThat(first).containsExactly(validate);

            CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(ours::stop);
            byte[] next = new byte[14];
            in.readFully(next);
            assertThat(next).containsExactly(close);
            client.close(); // the peer's side of the graceful close

            assertThat(stopped.get(PeerProcess.STOP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS))
                    .as(ours.output()).isIn(0, 143);
        }
    }
}
