package io.floe.demo;

import Demo.ModelPrx;
import io.floe.Communicator;
import io.floe.Properties;
import java.io.PrintStream;

/**
 * {@code ./floe demo}: starts a {@link DemoServer} in this process on a free port with one
 * dispatch thread, runs the {@link DemoClient} against it, and shows that a burst of requests,
 * each holding a worker for {@code Demo.WorkMillis}, is answered far sooner than one dispatch
 * thread could answer it synchronously, because the AMD dispatch only queues a job.
 * {@code --Name=value} arguments override the defaults below.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) {
        // Keep the demo's output to what it shows; -Dorg.slf4j.simpleLogger.defaultLogLevel=info
        // brings the servers' logs back.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(run(Properties.fromArgs(args), System.out) ? 0 : 1);
    }

    static boolean run(Properties arguments, PrintStream out) {
        Properties properties = withDefaults(arguments);
        int dispatchThreads = properties.getInt("Ice.ThreadPool.Server.Size", 1);
        int workMillis = properties.getInt("Demo.WorkMillis", 0);
        int requests = properties.getInt("Demo.Requests", 200);

        try (DemoServer server = DemoServer.start(properties);
             Communicator client = Communicator.initialize(properties)) {
            out.printf("server: Demo::Model on %s; %d dispatch thread(s), %d job-queue worker(s), "
                            + "%d ms of work per job%n", server.endpoint(), dispatchThreads,
                    server.queue().workers(), workMillis);
            out.println("client: calling " + server.proxy());
            ModelPrx model = ModelPrx.checkedCast(client.stringToProxy(server.proxy()));
            if (model == null) {
                out.println(server.proxy() + " is not a ::Demo::Model");
                return false;
            }
            boolean ok = new DemoClient(model, out).run(requests);
            out.printf("server: interpolate was dispatched on %s; up to %d job(s) waited in the "
                            + "queue at once%n", server.model().dispatchThreads(),
                    server.queue().peakQueued());
            if (workMillis > 0) {
                out.printf("a servant working on its one dispatch thread would need at least "
                        + "%d x %d ms = %.1f s for that burst%n", requests, workMillis,
                        requests * workMillis / 1000.0);
            }
            out.println(ok ? "demo: ok" : "demo: FAILED");
            return ok;
        } catch (RuntimeException e) {
            e.printStackTrace(out);
            out.println("demo: FAILED");
            return false;
        }
    }

    private static Properties withDefaults(Properties arguments) {
        Properties properties = arguments.copy();
        setDefault(properties, "Model.Endpoints", "tcp -h 127.0.0.1 -p 0");
        setDefault(properties, "Ice.ThreadPool.Server.Size", "1");
        setDefault(properties, "Demo.Workers", "8");
        setDefault(properties, "Demo.WorkMillis", "50");
        setDefault(properties, "Demo.Requests", "200");
        return properties;
    }

    private static void setDefault(Properties properties, String name, String value) {
        if (!properties.isSet(name)) {
            properties.set(name, value);
        }
    }
}
