package io.floe.interop;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in another process that announces itself with one stdout line
 * {@code ready <endpoint>}, as the shared reference servers and {@code ./floe demo-server} do.
 * {@link #start} waits (bounded) for that line; {@link #close} sends SIGTERM, waits (bounded),
 * then kills. Its stdout and stderr are kept, with a prefix, for failure messages, and echoed to
 * this process's stderr.
 */
final class PeerProcess implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern PORT = Pattern.compile("-p (\\d+)");

    private final String name;
    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final String readyPrefix;
    private final String endpoint;

    private PeerProcess(String name, Process process, String readyPrefix) {
        this.name = name;
        this.process = process;
        this.readyPrefix = readyPrefix;
        pump(process.getInputStream(), "out", true);
        pump(process.getErrorStream(), "err", false);
        process.onExit().thenRun(() -> ready.completeExceptionally(new IllegalStateException(
                name + " exited with status " + process.exitValue() + " before it was ready")));
        try {
            String line = ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            this.endpoint = line.substring(readyPrefix.length()).trim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for 'ready'", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw failure("no '" + readyPrefix + "...' line within " + READY_TIMEOUT, e);
        }
    }

    /** Starts {@code command} and waits for its ready line; closes it again on failure. */
    static PeerProcess start(String name, String... command) {
        return startUntil(name, "ready ", command);
    }

    /**
     * Starts {@code command} and waits for a stdout line that starts with {@code readyPrefix}
     * (for {@code icegridregistry --Ice.PrintAdapterReady=1}: {@code IceGrid.Registry.Client ready});
     * {@link #endpoint()} is the rest of that line.
     */
    static PeerProcess startUntil(String name, String readyPrefix, String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + List.of(command), e);
        }
        return new PeerProcess(name, process, readyPrefix);
    }

    /** The endpoint from the ready line, such as {@code tcp -h 127.0.0.1 -p 41234 -t 60000}. */
    String endpoint() {
        return endpoint;
    }

    int port() {
        Matcher matcher = PORT.matcher(endpoint);
        if (!matcher.find()) {
            throw new IllegalStateException(name + ": no port in '" + endpoint + "'");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** {@code <identity>:<endpoint>}. */
    String proxy(String identity) {
        return identity + ":" + endpoint;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it wrote so far, one line each, prefixed with "out: " or "err: ". */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    List<String> stdoutLines() {
        synchronized (output) {
            return List.copyOf(stdout);
        }
    }

    /** SIGTERM, then up to {@link #STOP_TIMEOUT} to exit; returns the exit status, or -1 when it had to be killed. */
    int stop() {
        process.destroy(); // SIGTERM on Linux
        try {
            if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private IllegalStateException failure(String what, Throwable cause) {
        close();
        return new IllegalStateException(name + ": " + what + "; its output:\n" + output(), cause);
    }

    private void pump(InputStream in, String stream, boolean isStdout) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.add(stream + ": " + line);
                        if (isStdout) {
                            stdout.add(line);
                        }
                    }
                    System.err.println("[" + name + "] " + line);
                    if (isStdout && line.startsWith(readyPrefix)) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                // The process is gone; what it wrote so far is kept.
            }
        }, name + "-" + stream);
        thread.setDaemon(true);
        thread.start();
    }
}
