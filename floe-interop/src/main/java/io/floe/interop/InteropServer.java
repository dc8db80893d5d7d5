package io.floe.interop;

import io.floe.Communicator;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import io.floe.ServerProcess;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Interop.ice ({@code ../shared/interop/Interop.ice}) with the configuration its header
 * requires: identity {@code tester} ({@link TesterServant}) and {@code amdTester}
 * ({@link AmdTesterServant}) on one object adapter, {@code Ice.ThreadPool.Server.Size=1} and
 * {@code Ice.MessageSizeMax=32768} unless given otherwise. Properties: {@code Interop.Endpoints}
 * (default {@value #DEFAULT_ENDPOINT}; or the first argument that is not {@code --Name=value})
 * and any {@code Ice.*} property of the runtime.
 *
 * <p>As a program it prints exactly one line on stdout, {@code ready <endpoint>}, once it
 * accepts requests, and stops on SIGTERM, Ctrl-C or a {@code shutdown()} call.
 */
public final class InteropServer implements AutoCloseable, ServerProcess.Server {
    private static final Logger log = LoggerFactory.getLogger(InteropServer.class);

    public static final String DEFAULT_ENDPOINT = "tcp -h 127.0.0.1 -p 10100";
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Communicator communicator;
    private final ScheduledThreadPoolExecutor timer;
    private final ObjectAdapter adapter;

    private InteropServer(Communicator communicator, ScheduledThreadPoolExecutor timer,
                          ObjectAdapter adapter) {
        this.communicator = communicator;
        this.timer = timer;
        this.adapter = adapter;
    }

    /** Starts serving with Interop.ice's server configuration under {@code arguments}. */
    public static InteropServer start(Properties arguments) {
        Properties properties = withDefaults(arguments);
        List<String> positional = properties.unparsedArguments();
        String endpoint = properties.get("Interop.Endpoints",
                positional.isEmpty() ? DEFAULT_ENDPOINT : positional.get(0));
        // One timer for every AMD delay and raiseLater: a pending reply costs a task, not a thread.
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "interop-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Replies already scheduled are still sent after shutdown(): a graceful stop waits for them.
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(true);
        Communicator communicator = null;
        try {
            communicator = Communicator.initialize(properties);
            ObjectAdapter adapter = communicator.createObjectAdapterWithEndpoints("Interop", endpoint);
            TesterServant tester = new TesterServant(new ValueStore());
            adapter.add(tester, TesterServant.TESTER);
            adapter.add(new AmdTesterServant(tester, timer), TesterServant.AMD_TESTER);
            adapter.activate();
            log.info("serving {} and {} on {} with {} dispatch thread(s)", TesterServant.TESTER,
                    TesterServant.AMD_TESTER, adapter.endpoints(),
                    properties.get("Ice.ThreadPool.Server.Size"));
            return new InteropServer(communicator, timer, adapter);
        } catch (RuntimeException e) {
            timer.shutdownNow();
            if (communicator != null) {
                communicator.destroy();
            }
            throw e;
        }
    }

    /** The arguments plus Interop.ice's server configuration where they leave it unset. */
    static Properties withDefaults(Properties arguments) {
        Properties properties = arguments.copy();
        setDefault(properties, "Ice.ThreadPool.Server.Size", "1");
        setDefault(properties, "Ice.MessageSizeMax", "32768");
        // raiseNow/raiseLater fail on purpose: no warning for each of those dispatches.
        setDefault(properties, "Ice.Warn.Dispatch", "0");
        return properties;
    }

    private static void setDefault(Properties properties, String name, String value) {
        if (!properties.isSet(name)) {
            properties.set(name, value);
        }
    }

    /** The endpoint it listens on, with the actual port, such as {@code tcp -h 127.0.0.1 -p 10100 -t 60000}. */
    @Override
    public String endpoint() {
        return adapter.endpoints().get(0);
    }

    /** Starts stopping without waiting; scheduled AMD replies are still sent. Any thread; idempotent. */
    @Override
    public void shutdown() {
        communicator.shutdown();
    }

    @Override
    public void waitForShutdown() {
        communicator.waitForShutdown();
    }

    /** Shuts down, waits (bounded) for the scheduled replies, and destroys the communicator. */
    @Override
    public void close() {
        shutdown();
        try {
            communicator.waitForShutdown();
            timer.shutdown();
            if (!timer.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} timed AMD repl(ies) still pending after {}", timer.getQueue().size(),
                        STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
            communicator.destroy();
        }
    }

    public static void main(String[] args) {
        ServerProcess.run("interop server", args, InteropServer::start, InteropServer::usage, STOP_TIMEOUT);
    }

    private static void usage(PrintStream out) {
        out.println("usage: floe interop-server [ENDPOINT] [--Interop.Endpoints=ENDPOINT] [--Ice.Name=value ...]");
        out.println("Serves Interop.ice's 'tester' and 'amdTester' (default endpoint: " + DEFAULT_ENDPOINT
                + ") with Ice.ThreadPool.Server.Size=1 and Ice.MessageSizeMax=32768, and prints "
                + "'ready <endpoint>' once it accepts requests.");
    }
}
