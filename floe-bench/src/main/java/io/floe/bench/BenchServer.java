package io.floe.bench;

import io.floe.Communicator;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import io.floe.ServerProcess;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code Bench::Service} ({@code ../shared/bench/Bench.ice}) as identity {@code bench}
 * for the load generator. Properties: {@code Bench.Endpoints} (default
 * {@value #DEFAULT_ENDPOINT}) and any {@code Ice.*} property of the runtime
 * ({@code Ice.ThreadPool.Server.Size} defaults to 1 dispatch thread).
 *
 * <p>As a program it prints exactly one line on stdout, {@code ready <endpoint>}, once it
 * accepts requests, and stops on SIGTERM, Ctrl-C or a {@code shutdown()} call.
 */
public final class BenchServer implements AutoCloseable, ServerProcess.Server {
    private static final Logger log = LoggerFactory.getLogger(BenchServer.class);

    public static final String DEFAULT_ENDPOINT = "tcp -h 127.0.0.1 -p 12000";
    public static final Identity IDENTITY = Identity.of("bench");
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Communicator communicator;
    private final BenchService service;
    private final ObjectAdapter adapter;

    private BenchServer(Communicator communicator, BenchService service, ObjectAdapter adapter) {
        this.communicator = communicator;
        this.service = service;
        this.adapter = adapter;
    }

    /** Starts serving; the endpoint is the first unparsed argument or {@code Bench.Endpoints}. */
    public static BenchServer start(Properties properties) {
        List<String> positional = properties.unparsedArguments();
        String endpoint = properties.get("Bench.Endpoints",
                positional.isEmpty() ? DEFAULT_ENDPOINT : positional.get(0));
        Communicator communicator = Communicator.initialize(properties);
        try {
            BenchService service = new BenchService(communicator::shutdown);
            ObjectAdapter adapter = communicator.createObjectAdapterWithEndpoints("Bench", endpoint);
            adapter.add(service, IDENTITY);
            adapter.activate();
            log.info("serving {} on {} with {} dispatch thread(s){}", IDENTITY, adapter.endpoints(),
                    properties.get("Ice.ThreadPool.Server.Size", "1"),
                    properties.getInt("Ice.ThreadPool.Server.Virtual", 0) > 0 ? " (virtual asked for)" : "");
            return new BenchServer(communicator, service, adapter);
        } catch (RuntimeException e) {
            communicator.destroy();
            throw e;
        }
    }

    /** The endpoint it listens on, with the actual port, such as {@code tcp -h 127.0.0.1 -p 12000 -t 60000}. */
    @Override
    public String endpoint() {
        return adapter.endpoints().get(0);
    }

    /** The proxy string a client uses: {@code bench:<endpoint>}. */
    public String proxy() {
        return IDENTITY.name() + ":" + endpoint();
    }

    public BenchService service() {
        return service;
    }

    /** Starts stopping without waiting; pending delays are still answered. Any thread; idempotent. */
    @Override
    public void shutdown() {
        communicator.shutdown();
    }

    @Override
    public void waitForShutdown() {
        communicator.waitForShutdown();
    }

    /** Shuts down, waits until pending calls have answered, stops the timer and destroys the communicator. */
    @Override
    public void close() {
        shutdown();
        try {
            communicator.waitForShutdown();
            if (!service.stopTimer(STOP_TIMEOUT)) {
                log.warn("{} delay(s) still scheduled after {}", service.pendingDelays(), STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            communicator.destroy();
        }
    }

    public static void main(String[] args) {
        ServerProcess.run("bench server", args, BenchServer::start, BenchServer::usage, STOP_TIMEOUT);
    }

    private static void usage(PrintStream out) {
        out.println("usage: floe bench-server [ENDPOINT] [--Bench.Endpoints=ENDPOINT] [--Ice.Name=value ...]");
        out.println("Serves Bench::Service as 'bench' (default endpoint: " + DEFAULT_ENDPOINT
                + ") and prints 'ready <endpoint>' once it accepts requests.");
    }
}
