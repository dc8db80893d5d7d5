package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PeerProcessTest {
    @Test
    void theReferenceServerAnnouncesItsActualEndpointAndStopsOnSigterm() {
        try (PeerProcess server = Repository.startReferenceDemoServer()) {
            assertThat(server.endpoint()).startsWith("tcp -h 127.0.0.1 -p ");
            assertThat(server.port()).isPositive();
            assertThat(server.proxy("model")).isEqualTo("model:" + server.endpoint());
            assertThat(server.stdoutLines()).containsExactly("ready " + server.endpoint());

            long start = System.nanoTime();
            int status = server.stop();

            assertThat(status).as(server.output()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PeerProcess.STOP_TIMEOUT);
            assertThat(server.isAlive()).isFalse();
        }
    }

    @Test
    void aProcessThatExitsBeforeItIsReadyFailsWithItsOutput() {
        Repository.requirePython();

        assertThatThrownBy(() -> PeerProcess.start("broken", Repository.PYTHON.toString(), "-c",
                "import sys; print('cannot listen'); sys.exit(3)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken: broken exited with status 3 before it was ready")
                .hasMessageContaining("out: cannot listen");
    }
}
