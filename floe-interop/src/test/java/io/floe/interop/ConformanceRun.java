package io.floe.interop;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a conformance client (client.py or our InteropClient) to its end, bounded: its
 * exit status and output lines, which end with {@code N passed, M failed}.
 */
record ConformanceRun(int exitStatus, List<String> lines, String stderr) {
    static final Duration TIMEOUT = Duration.ofSeconds(300);
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed");

    static ConformanceRun of(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + TIMEOUT
                        + "; its output so far:\n" + stdout.getNow("?"));
            }
            return new ConformanceRun(process.exitValue(), stdout.get(5, TimeUnit.SECONDS).lines().toList(),
                    stderr.get(5, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
    }

    String lastLine() {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** N of the last line, or -1 when the last line is not {@code N passed, M failed}. */
    int passed() {
        Matcher m = SUMMARY.matcher(lastLine());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    List<String> failures() {
        return lines.stream().filter(line -> line.startsWith("FAIL ")).toList();
    }

    List<String> skips() {
        return lines.stream().filter(line -> line.startsWith("skip ")).toList();
    }

    /** What a failed assertion shows: the FAIL lines first, then the last lines and stderr. */
    String report() {
        List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
        return "exit status " + exitStatus + "\nFAIL lines:\n" + String.join("\n", failures())
                + "\nlast lines:\n" + String.join("\n", tail) + "\nstderr (end):\n"
                + stderr.substring(Math.max(0, stderr.length() - 3000));
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
