package io.floe.interop;

import io.floe.Properties;
import io.floe.interop.client.Conformance;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The Java conformance client for Interop.ice: every check of {@code ../shared/interop/client.py}
 * (same names, same order) and more, against the {@code tester} and {@code amdTester} of any
 * conforming server. One line per check ({@code ok   <name>}, {@code FAIL <name>: <expected
 * and got>}, or {@code skip <name>: <why>} for what this Floe cannot do yet), then exactly
 * {@code N passed, M failed}; exit status 0 only when nothing failed (2 for bad arguments).
 *
 * <p>Properties: {@code Interop.Endpoints} (default {@value #DEFAULT_ENDPOINT}; or the first
 * argument that is not {@code --Name=value}), {@code Interop.Only} (run only the checks whose
 * name contains it), {@code Interop.Timeout} (seconds for the whole run, default 600: past it
 * the run ends with a failure), and any {@code Ice.*} property of the client.
 */
public final class InteropClient {
    public static final String DEFAULT_ENDPOINT = "tcp -h 127.0.0.1 -p 10100";

    private InteropClient() {
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // The checks provoke failures on purpose; keep the runtime's warnings off stdout's story.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        Properties properties = Properties.fromArgs(args);
        if (properties.isSet("help")) {
            usage(System.out);
            return;
        }
        List<String> positional = properties.unparsedArguments();
        if (positional.size() > 1) {
            System.err.println("interop-client: more than one endpoint: " + positional);
            usage(System.err);
            System.exit(2);
        }
        String endpoint = endpointOf(properties.get("Interop.Endpoints",
                positional.isEmpty() ? DEFAULT_ENDPOINT : positional.get(0)));
        String only = properties.isSet("Interop.Only") ? properties.get("Interop.Only") : null;
        Duration timeout = Duration.ofSeconds(properties.getInt("Interop.Timeout", 600));
        PrintStream out = System.out;
        Conformance conformance = new Conformance(endpoint, properties, only, out);

        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
                return; // the run finished in time
            }
            Conformance.Result sofar = conformance.progress();
            out.println("FAIL watchdog: the run did not finish within " + timeout.toSeconds() + " s");
            out.println(sofar.passed() + " passed, " + (sofar.failed() + 1) + " failed");
            out.flush();
            Runtime.getRuntime().halt(1);
        }, "interop-client-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Conformance.Result result = conformance.run();
        watchdog.interrupt();
        if (result.skipped() > 0) {
            out.println(result.skipped() + " skipped (not supported by this Floe yet)");
        }
        out.println(result.summary());
        out.flush();
        System.exit(result.failed() == 0 ? 0 : 1);
    }

    /** The endpoint of a target given as an endpoint or as a proxy ({@code tester:tcp -h ...}). */
    static String endpointOf(String target) {
        String trimmed = target.strip();
        String first = trimmed.split("\\s+", 2)[0];
        if (List.of("tcp", "ssl", "ws", "wss", "udp", "default").contains(first) || !trimmed.contains(":")) {
            return trimmed;
        }
        return trimmed.substring(trimmed.indexOf(':') + 1);
    }

    private static void usage(PrintStream out) {
        out.println("usage: floe interop-client [ENDPOINT] [--Interop.Endpoints=ENDPOINT] [--Interop.Only=TEXT] "
                + "[--Interop.Timeout=SECONDS] [--Ice.Name=value ...]");
        out.println("Runs the Interop.ice conformance checks against 'tester' and 'amdTester' at ENDPOINT "
                + "(default: " + DEFAULT_ENDPOINT + "); ends with 'N passed, M failed', exit status 0 when "
                + "nothing failed.");
    }
}
