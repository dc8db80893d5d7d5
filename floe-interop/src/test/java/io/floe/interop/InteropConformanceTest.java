package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Interop.ice both ways against the real ZeroC Ice: the public conformance client client.py
 * against our InteropServer, and our InteropClient against the reference server.py. Each must
 * end with {@code N passed, 0 failed} and exit 0; a failure shows the FAIL lines.
 */
@Timeout(400)
class InteropConformanceTest {
    /** client.py's count when this was written; a newer client.py may have more. */
    static final int CLIENT_PY_CHECKS = 125;

    @Test
    void thePublicConformanceClientPassesEveryCheckAgainstOurServer() throws Exception {
        Repository.requirePython();
        try (PeerProcess ours = Repository.startFloeInteropServer()) {
            ConformanceRun run = ConformanceRun.of(List.of(Repository.PYTHON.toString(),
                    Repository.interop().resolve("client.py").toString(), ours.endpoint()));

            assertThat(run.failures()).as("%s%nserver output:%n%s", run.report(), ours.output()).isEmpty();
            assertThat(run.lastLine()).as(run.report()).matches("\\d+ passed, 0 failed");
            assertThat(run.passed()).as(run.report()).isGreaterThanOrEqualTo(CLIENT_PY_CHECKS);
            assertThat(run.exitStatus()).as(run.report()).isZero();
            assertThat(ours.isAlive()).as("our server is still up after the run").isTrue();
        }
    }

    @Test
    void ourClientPassesEveryCheckAgainstTheReferenceServer() throws Exception {
        try (PeerProcess reference = Repository.startReferenceInteropServer()) {
            ConformanceRun run = javaClient(reference.endpoint());

            assertThat(run.failures()).as(run.report()).isEmpty();
            assertThat(run.lastLine()).as(run.report()).matches("\\d+ passed, 0 failed");
            assertThat(run.passed()).as("at least client.py's checks").isGreaterThanOrEqualTo(CLIENT_PY_CHECKS);
            assertThat(run.exitStatus()).as(run.report()).isZero();

            ConformanceRun python = ConformanceRun.of(List.of(Repository.PYTHON.toString(),
                    Repository.interop().resolve("client.py").toString(), reference.endpoint()));
            assertThat(python.exitStatus()).as(python.report()).isZero();
            assertThat(names(run.lines())).as("our client runs every check of client.py, by name")
                    .containsAll(names(python.lines()));
        }
    }

    @Test
    void ourClientPassesEveryCheckAgainstOurServer() throws Exception {
        try (PeerProcess ours = Repository.startFloeInteropServer()) {
            ConformanceRun run = javaClient(ours.endpoint());

            assertThat(run.failures()).as("%s%nserver output:%n%s", run.report(), ours.output()).isEmpty();
            assertThat(run.lastLine()).as(run.report()).matches("\\d+ passed, 0 failed");
            assertThat(run.exitStatus()).as(run.report()).isZero();
        }
    }

    @Test
    void overCompressedEndpointsBothClientsPassEveryCheckAgainstBothServers() throws Exception {
        Repository.requirePython();
        // "-z": requests of 100 bytes and more go out bzip2-compressed, and replies may come back so.
        try (PeerProcess reference = Repository.startReferenceInteropServer();
             PeerProcess ours = Repository.startFloeInteropServer()) {
            for (ConformanceRun run : List.of(javaClient(reference.endpoint() + " -z"),
                    javaClient(ours.endpoint() + " -z"),
                    ConformanceRun.of(List.of(Repository.PYTHON.toString(),
                            Repository.interop().resolve("client.py").toString(), ours.endpoint() + " -z")))) {
                assertThat(run.failures()).as("%s%nour server's output:%n%s", run.report(), ours.output()).isEmpty();
                assertThat(run.lastLine()).as(run.report()).matches("\\d+ passed, 0 failed");
                assertThat(run.exitStatus()).as(run.report()).isZero();
            }
        }
    }

    private static ConformanceRun javaClient(String endpoint, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(Repository.javaCommand("io.floe.interop.InteropClient"));
        command.add("--Interop.Endpoints=" + endpoint);
        command.addAll(List.of(arguments));
        return ConformanceRun.of(command);
    }

    /** The check names of ok and FAIL lines. */
    private static List<String> names(List<String> lines) {
        return lines.stream()
                .filter(line -> line.startsWith("ok   ") || line.startsWith("FAIL "))
                .map(line -> line.startsWith("ok   ") ? line.substring(5) : line.substring(5, line.indexOf(": ")))
                .toList();
    }
}
