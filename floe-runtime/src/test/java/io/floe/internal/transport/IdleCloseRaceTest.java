package io.floe.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Current;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.SharedFolder;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request that reaches a client connection just as its ACM idle timer closes it gracefully
 * (CloseConnection, ice-protocol.md §5.3) was never sent, or was sent after CloseConnection and
 * ignored by the peer: either way the peer did not dispatch it, so it goes to a new connection,
 * as Ice's RetryException does, without using up a retry (Ice.RetryIntervals=-1 here).
 */
@Timeout(60)
class IdleCloseRaceTest {
    private static final long PAST_ANY_TIMEOUT = TimeUnit.MINUTES.toNanos(10);

    private Communicator server;
    private Communicator client;
    private final AtomicInteger dispatched = new AtomicInteger();
    private final Set<String> clientPorts = ConcurrentHashMap.newKeySet();
    private CalculatorPrx calc;

    @BeforeEach
    void start() {
        server = Communicator.initialize();
        ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Race", "tcp -h 127.0.0.1 -p 0");
        adapter.add(new StubCalculator() {
            @Override
            public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
                dispatched.incrementAndGet();
                clientPorts.add(String.valueOf(current.connection().remotePort()));
                cb.ice_response(a + b);
            }
        }, Identity.of("calc"));
        adapter.activate();
        // ACM closes only idle connections (CloseOnIdle): the far-future clock below must not look
        // like a silent peer with a call pending, which is closed forcefully, a different story.
        client = Communicator.initialize(new Properties().set("Ice.RetryIntervals", "-1")
                .set("Ice.ACM.Client.Close", "1"));
        calc = CalculatorPrx.uncheckedCast(client.stringToProxy("calc:" + adapter.endpoints().get(0)));
    }

    @AfterEach
    void stop() {
        client.destroy();
        server.destroy();
    }

    private Connection connection() {
        return ConnectionHandle.unwrap(calc.ice_getConnection());
    }

    @Test
    void aRequestArrivingAsTheIdleCloseStartsGoesToANewConnection() throws Exception {
        Connection first = connection();
        // Right as the request reaches the connection, ACM finds it idle and closes it.
        first.beforeNextSend(() -> first.checkAcmAt(System.nanoTime() + PAST_ANY_TIMEOUT).join());

        CompletableFuture<Integer> sum = calc.addLaterAsync(1, 2); // not idempotent: never retried once sent

        assertThat(sum).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(3);
        assertThat(dispatched).hasValue(1);
        assertThat(first.closed()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(connection()).isNotSameAs(first);
    }

    @Test
    void aOnewayRequestArrivingAsTheIdleCloseStartsIsNotLost() throws Exception {
        Connection first = connection();
        first.beforeNextSend(() -> first.checkAcmAt(System.nanoTime() + PAST_ANY_TIMEOUT).join());

        CalculatorPrx oneway = CalculatorPrx.uncheckedCast(calc.ice_oneway());
        assertThat(oneway.ice_reference().invoke("addLater", io.floe.OperationMode.NORMAL, null, out -> {
            out.writeInt(1);
            out.writeInt(2);
        }, null, null, null)).succeedsWithin(Duration.ofSeconds(10));

        calc.ice_ping(); // after the oneway on the same new connection
        assertThat(dispatched).hasValue(1);
    }

    /**
     * The same race left to the scheduler: one thread runs the idle check while another calls,
     * hundreds of times. Before the fix, calls failed with ConnectionLostException (sent after
     * CloseConnection, so ignored by the server) or with the idle close's reason (refused).
     */
    @Test
    void callsRacingTheIdleCloseAllSucceedAndRunOnce() throws Exception {
        int rounds = 5000;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Throwable> failures = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                Connection current = connection();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> closer = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return current.checkAcmAt(System.nanoTime() + PAST_ANY_TIMEOUT).get(10, TimeUnit.SECONDS);
                });
                Future<CompletableFuture<Integer>> caller = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return calc.addLaterAsync(1, 2);
                });
                closer.get(10, TimeUnit.SECONDS);
                try {
                    assertThat(caller.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS)).isEqualTo(3);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).as("calls that met the idle close").isEmpty();
            assertThat(dispatched).hasValue(rounds);
            assertThat(clientPorts.size()).as("connections the server saw").isGreaterThan(1);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The same race against the real Ice (../shared/interop/server.py), which ignores what
     * arrives after our CloseConnection: every delay(0, i) must come back, none twice.
     */
    @Test
    void callsRacingTheIdleCloseAgainstTheRealIceAllSucceed() throws Exception {
        Process python = new ProcessBuilder("/usr/bin/python3",
                SharedFolder.interop().resolve("server.py").toString(), "tcp -h 127.0.0.1 -p 0")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            String ready = new java.io.BufferedReader(new java.io.InputStreamReader(python.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            assertThat(ready).as("server.py's ready line").startsWith("ready ");
            io.floe.ObjectPrx tester = client.stringToProxy("tester:" + ready.substring("ready ".length()));
            List<Throwable> failures = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int value = i;
                Connection current = ConnectionHandle.unwrap(tester.ice_getConnection());
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> closer = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return current.checkAcmAt(System.nanoTime() + PAST_ANY_TIMEOUT).get(10, TimeUnit.SECONDS);
                });
                Future<CompletableFuture<Integer>> caller = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return tester.ice_reference().invoke("delay", io.floe.OperationMode.NORMAL, null, out -> {
                        out.writeInt(0);
                        out.writeInt(value);
                    }, in -> in.readInt(), null, null);
                });
                closer.get(10, TimeUnit.SECONDS);
                try {
                    assertThat(caller.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS)).isEqualTo(value);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).as("calls that met the idle close").isEmpty();
        } finally {
            threads.shutdownNow();
            python.destroy();
            if (!python.waitFor(10, TimeUnit.SECONDS)) {
                python.destroyForcibly();
            }
        }
    }
}
