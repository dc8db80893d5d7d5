package io.floe.demo;

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
 * Serves {@code Demo::Model} as identity {@code model} with a {@link QueuedModel} and its
 * {@link JobQueue}. Properties: {@code Model.Endpoints} (default
 * {@value #DEFAULT_ENDPOINT}), {@code Demo.Workers} (job-queue threads, default 2),
 * {@code Demo.QueueMax} (jobs that may wait at once, default 100,000; past it a request is
 * answered at once with an error saying the queue is full),
 * {@code Demo.WorkMillis} (pretended work per job, default 0), and any {@code Ice.*} property
 * of the runtime ({@code Ice.ThreadPool.Server.Size} defaults to 1 dispatch thread).
 *
 * <p>As a program it prints exactly one line on stdout, {@code ready <endpoint>}, once it
 * accepts requests, and stops on SIGTERM or Ctrl-C.
 */
public final class DemoServer implements AutoCloseable, ServerProcess.Server {
    private static final Logger log = LoggerFactory.getLogger(DemoServer.class);

    public static final String DEFAULT_ENDPOINT = "tcp -h 127.0.0.1 -p 10000";
    public static final Identity IDENTITY = Identity.of("model");
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Communicator communicator;
    private final JobQueue queue;
    private final QueuedModel model;
    private final ObjectAdapter adapter;

    private DemoServer(Communicator communicator, JobQueue queue, QueuedModel model,
                       ObjectAdapter adapter) {
        this.communicator = communicator;
        this.queue = queue;
        this.model = model;
        this.adapter = adapter;
    }

    /** Starts serving; the endpoint is the first unparsed argument or {@code Model.Endpoints}. */
    public static DemoServer start(Properties properties) {
        List<String> positional = properties.unparsedArguments();
        String endpoint = properties.get("Model.Endpoints",
                positional.isEmpty() ? DEFAULT_ENDPOINT : positional.get(0));
        int workers = properties.getInt("Demo.Workers", 2);
        Duration workTime = Duration.ofMillis(properties.getInt("Demo.WorkMillis", 0));

        int queueMax = properties.getInt("Demo.QueueMax", 100_000);
        JobQueue queue = new JobQueue("demo-worker", workers, queueMax);
        Communicator communicator = null;
        try {
            communicator = Communicator.initialize(properties);
            QueuedModel model = new QueuedModel(queue, workTime);
            ObjectAdapter adapter = communicator.createObjectAdapterWithEndpoints("Model", endpoint);
            adapter.add(model, IDENTITY);
            adapter.activate();
            log.info("serving {} on {} with {} worker(s), {} ms of work per job",
                    IDENTITY, adapter.endpoints(), workers, workTime.toMillis());
            return new DemoServer(communicator, queue, model, adapter);
        } catch (RuntimeException e) {
            queue.close();
            if (communicator != null) {
                communicator.destroy();
            }
            throw e;
        }
    }

    /** The endpoint it listens on, with the actual port, such as {@code tcp -h 127.0.0.1 -p 10000 -t 60000}. */
    @Override
    public String endpoint() {
        return adapter.endpoints().get(0);
    }

    /** The proxy string a client uses: {@code model:<endpoint>}. */
    public String proxy() {
        return IDENTITY.name() + ":" + endpoint();
    }

    public JobQueue queue() {
        return queue;
    }

    public QueuedModel model() {
        return model;
    }

    /**
     * Starts stopping without waiting: queued jobs are answered with
     * CommunicatorDestroyedException and the adapter deactivates. Any thread; idempotent.
     */
    @Override
    public void shutdown() {
        queue.close();
        communicator.shutdown();
    }

    @Override
    public void waitForShutdown() {
        communicator.waitForShutdown();
    }

    /** Shuts down, waits (bounded) for the jobs in progress, and destroys the communicator. */
    @Override
    public void close() {
        shutdown();
        try {
            communicator.waitForShutdown();
            if (!queue.awaitTermination(STOP_TIMEOUT)) {
                log.warn("job-queue workers still running after {}", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            communicator.destroy();
        }
    }

    public static void main(String[] args) {
        ServerProcess.run("demo server", args, DemoServer::start, DemoServer::usage, STOP_TIMEOUT);
    }

    private static void usage(PrintStream out) {
        out.println("usage: floe demo-server [ENDPOINT] [--Model.Endpoints=ENDPOINT] "
                + "[--Demo.Workers=N] [--Demo.QueueMax=N] [--Demo.WorkMillis=MS] [--Ice.Name=value ...]");
        out.println("Serves Demo::Model as 'model' (default endpoint: " + DEFAULT_ENDPOINT
                + ") and prints 'ready <endpoint>' once it accepts requests.");
    }
}
