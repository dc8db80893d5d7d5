package io.floe;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a server program, as Floe's command lines run them: {@code --Name=value}
 * arguments are properties, exactly one stdout line {@code ready <endpoint>} once requests are
 * accepted, and SIGTERM or Ctrl-C runs the graceful shutdown before the JVM exits.
 */
public final class ServerProcess {
    private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);

    /** A started server. */
    public interface Server {
        /** The endpoint it listens on, with the actual port. */
        String endpoint();

        /** Starts stopping without waiting; any thread, more than once. */
        void shutdown();

        void waitForShutdown();

        /** Finishes stopping (bounded) and releases everything. */
        void close();
    }

    private ServerProcess() {
    }

    /**
     * Starts the server from the arguments, prints its ready line and serves until it is shut
     * down (by a request or a signal). {@code --help} prints the usage instead; a server that
     * cannot start exits with status 1.
     *
     * @param stopTimeout how long a signal waits for the shutdown before letting the JVM exit
     */
    public static void run(String name, String[] args, Function<Properties, ? extends Server> starter,
                           Consumer<PrintStream> usage, Duration stopTimeout) {
        Properties properties = Properties.fromArgs(args);
        if (properties.isSet("help")) {
            usage.accept(System.out);
            return;
        }
        Server server;
        try {
            server = starter.apply(properties);
        } catch (RuntimeException e) {
            log.error("cannot start the {}", name, e);
            System.exit(1);
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(); // the main thread's waitForShutdown returns and it closes the rest
            try {
                if (!closed.await(stopTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    log.warn("{} did not stop within {}", name, stopTimeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name.replace(' ', '-') + "-stop"));

        System.out.println("ready " + server.endpoint());
        System.out.flush();
        server.waitForShutdown();
        server.close();
        closed.countDown();
    }
}
