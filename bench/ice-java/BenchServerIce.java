import com.zeroc.Ice.Communicator;
import com.zeroc.Ice.Current;
import com.zeroc.Ice.InitializationData;
import com.zeroc.Ice.ObjectAdapter;
import com.zeroc.Ice.Properties;
import com.zeroc.Ice.Util;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The reference server of Bench.ice on ZeroC Ice for Java 3.7, the counterpart of Floe's
 * io.floe.bench.BenchServer with the same behaviour, so that one load generator measures both:
 * delay is AMD and answered by one shared timer thread, block sleeps on the dispatch thread.
 * Properties: --Bench.Endpoints (default "tcp -h 127.0.0.1 -p 12000") and any --Ice.* property;
 * Ice.ThreadPool.Server.Size defaults to 1. Prints "ready <endpoint>" once it accepts requests and
 * stops on SIGTERM, Ctrl-C or a shutdown() call.
 *
 * Written for Floe's benchmark against the Ice 3.7 Java mapping; it is not part of the Maven
 * build (bench/ice-java/build.sh compiles it against the Debian package's ice-3.7.8.jar).
 */
public final class BenchServerIce {
    static final String DEFAULT_ENDPOINT = "tcp -h 127.0.0.1 -p 12000";

    /** The servant; the methods are those slice2java generates for ["amd"] delay and the rest. */
    static final class Service implements Bench.Service {
        private final ScheduledThreadPoolExecutor timer;

        Service() {
            timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "bench-timer");
                thread.setDaemon(true);
                return thread;
            });
            timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(true);
        }

        @Override
        public void ping(Current current) {
        }

        @Override
        public byte[] echo(byte[] data, Current current) {
            return data;
        }

        @Override
        public void upload(byte[] data, Current current) {
        }

        @Override
        public CompletionStage<Void> delayAsync(int ms, Current current) {
            CompletableFuture<Void> reply = new CompletableFuture<>();
            try {
                timer.schedule(() -> reply.complete(null), ms, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                reply.completeExceptionally(new com.zeroc.Ice.CommunicatorDestroyedException());
            }
            return reply;
        }

        @Override
        public void block(int ms, Current current) {
            if (ms <= 0) {
                return;
            }
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void shutdown(Current current) {
            current.adapter.getCommunicator().shutdown();
        }

        void stopTimer() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        InitializationData init = new InitializationData();
        init.properties = Util.createProperties();
        init.properties.setProperty("Ice.ThreadPool.Server.Size", "1");
        List<String> rest = new ArrayList<>();
        init.properties = Util.createProperties(args, init.properties, rest);
        Properties properties = init.properties;
        String[] positional = properties.parseCommandLineOptions("Bench", rest.toArray(new String[0]));
        String endpoint = properties.getPropertyWithDefault("Bench.Endpoints",
                positional.length > 0 ? positional[0] : DEFAULT_ENDPOINT);

        Communicator communicator = Util.initialize(init);
        Service service = new Service();
        String ready;
        try {
            ObjectAdapter adapter = communicator.createObjectAdapterWithEndpoints("Bench", endpoint);
            adapter.add(service, Util.stringToIdentity("bench"));
            adapter.activate();
            ready = adapter.getEndpoints()[0].toString();
        } catch (RuntimeException e) {
            communicator.destroy();
            throw e;
        }

        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            communicator.shutdown(); // main's waitForShutdown returns and main destroys the rest
            try {
                closed.await(6, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-server-stop"));

        System.out.println("ready " + ready);
        System.out.flush();
        communicator.waitForShutdown();
        service.stopTimer();
        communicator.destroy();
        closed.countDown();
    }
}
