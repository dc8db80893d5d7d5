package io.floe.interop;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs src/test/python/demo_client.py (the real ZeroC Ice for Python) against a server, bounded. */
final class PythonDemoClient {
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private PythonDemoClient() {
    }

    /** What one run printed. */
    record Run(int exitStatus, List<String> lines, String stderr) {
        /** The lines parsed as cases. */
        List<DemoCase> cases() {
            return lines.stream().map(DemoCase::parse).toList();
        }
    }

    static Run against(String target) throws Exception {
        Repository.requirePython();
        String script = Repository.root()
                .resolve("floe-interop/src/test/python/demo_client.py").toString();
        Process python = new ProcessBuilder(Repository.PYTHON.toString(), script,
                Repository.demoIce().toString(), target).start();
        try {
            python.getOutputStream().close();
            CompletableFuture<String> stdout = readAsync(python.getInputStream());
            CompletableFuture<String> stderr = readAsync(python.getErrorStream());
            if (!python.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("demo_client.py did not finish within " + TIMEOUT);
            }
            return new Run(python.exitValue(), stdout.get(5, TimeUnit.SECONDS).lines().toList(),
                    stderr.get(5, TimeUnit.SECONDS));
        } finally {
            python.destroyForcibly();
        }
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
