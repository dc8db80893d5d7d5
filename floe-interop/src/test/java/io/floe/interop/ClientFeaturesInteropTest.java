package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real Ice's client features against our server: compression, oneway, batch oneway,
 * contexts, invocation timeouts, and the heartbeats that keep a long call alive under the
 * client's ACM (src/test/python/client_features.py).
 */
@Timeout(120)
class ClientFeaturesInteropTest {
    @Test
    void aRealIceClientsCompressionOnewayBatchContextsTimeoutsAndAcmWorkAgainstOurServer() throws Exception {
        Repository.requirePython();
        try (PeerProcess ours = Repository.startFloeInteropServer("--Ice.ACM.Timeout=2")) {
            ConformanceRun run = ConformanceRun.of(List.of(Repository.PYTHON.toString(),
                    Path.of("src", "test", "python", "client_features.py").toAbsolutePath().toString(),
                    Path.of("src", "main", "slice", "Interop.ice").toAbsolutePath().toString(),
                    ours.endpoint()));

            assertThat(run.failures()).as("%s%nour server's output:%n%s", run.report(), ours.output()).isEmpty();
            assertThat(run.lastLine()).as(run.report()).isEqualTo("7 passed, 0 failed");
            assertThat(run.exitStatus()).as(run.report()).isZero();
        }
    }
}
