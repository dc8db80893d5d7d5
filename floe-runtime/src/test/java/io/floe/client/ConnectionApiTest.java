package io.floe.client;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.ACM;
import io.floe.ACMClose;
import io.floe.ACMHeartbeat;
import io.floe.CloseConnectionException;
import io.floe.Communicator;
import io.floe.CompressBatch;
import io.floe.Connection;
import io.floe.ConnectionClose;
import io.floe.ConnectionInfo;
import io.floe.ConnectionManuallyClosedException;
import io.floe.ConnectionRefusedException;
import io.floe.Current;
import io.floe.Identity;
import io.floe.NoEndpointException;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.Properties;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.StubCalculator;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The public {@link Connection} of a client and of a servant, as Ice 3.7 has it. */
@Timeout(60)
class ConnectionApiTest {
    /** A Floe server with a Calculator whose addLater waits in a queue, and a client. */
    private static final class Peers implements AutoCloseable {
        final Communicator server;
        final Communicator client;
        final ObjectAdapter adapter;
        final BlockingQueue<StubCalculator.AddLaterCallback> parked = new LinkedBlockingQueue<>();
        final List<StubCalculator.AddLaterCallback> taken = new CopyOnWriteArrayList<>();
        final BlockingQueue<Current> seen = new LinkedBlockingQueue<>();

        Peers(Properties serverProperties, Properties clientProperties) {
            server = Communicator.initialize(serverProperties);
            client = Communicator.initialize(clientProperties);
            adapter = server.createObjectAdapterWithEndpoints("Calc", "tcp -h 127.0.0.1 -p 0");
            adapter.add(new StubCalculator() {
                @Override
                public int add(int a, int b, Current current) {
                    seen.add(current);
                    return a + b;
                }

                @Override
                public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
                    parked.add(cb);
                }

                @Override
                public void fail(String kind, Current current) {
                    seen.add(current);
                }
            }, Identity.of("calc"));
            adapter.activate();
        }

        Peers() {
            this(new Properties(), new Properties());
        }

        String endpoint() {
            return adapter.endpoints().get(0);
        }

        int port() {
            return Integer.parseInt(endpoint().replaceAll(".* -p (\\d+).*", "$1"));
        }

        CalculatorPrx calc() {
            return CalculatorPrx.uncheckedCast(client.stringToProxy("calc:" + endpoint()));
        }

        StubCalculator.AddLaterCallback nextParked() throws InterruptedException {
            StubCalculator.AddLaterCallback cb = parked.poll(10, TimeUnit.SECONDS);
            assertThat(cb).as("a parked addLater").isNotNull();
            taken.add(cb);
            return cb;
        }

        void answer(StubCalculator.AddLaterCallback cb, int value) {
            taken.remove(cb);
            cb.ice_response(value);
        }

        @Override
        public void close() {
            // Answered (to nobody, mostly): a dropped AMD callback would be reported when collected.
            parked.forEach(cb -> cb.ice_response(0));
            taken.forEach(cb -> cb.ice_response(0));
            client.destroy();
            server.destroy();
        }
    }

    @Test
    void iceGetConnectionConnectsOnceAndReturnsTheConnectionTheCallsUse() throws Exception {
        try (Peers peers = new Peers()) {
            CalculatorPrx calc = peers.calc();
            assertThat(calc.ice_getCachedConnection()).isNull();

            Connection connection = calc.ice_getConnection();

            assertThat(connection).isNotNull();
            assertThat(calc.ice_getConnection()).isSameAs(connection);
            assertThat(calc.ice_getCachedConnection()).isSameAs(connection);
            assertThat(calc.add(1, 2)).isEqualTo(3);
            assertThat(peers.client.stringToProxy("other:" + peers.endpoint()).ice_getConnection())
                    .as("shared per endpoint").isSameAs(connection);
            assertThat(calc.ice_connectionId("x").ice_getConnection()).isNotSameAs(connection);
        }
    }

    @Test
    void aConnectionDescribesItselfAsIceDoes() {
        try (Peers peers = new Peers()) {
            Connection connection = peers.calc().ice_getConnection();

            assertThat(connection.type()).isEqualTo("tcp");
            assertThat(connection.timeout()).isEqualTo(60_000);
            assertThat(connection.getEndpoint()).isEqualTo(peers.endpoint());
            ConnectionInfo info = connection.getInfo();
            assertThat(info.incoming()).isFalse();
            assertThat(info.adapterName()).isEmpty();
            assertThat(info.connectionId()).isEmpty();
            assertThat(info.remoteAddress()).isEqualTo("127.0.0.1");
            assertThat(info.remotePort()).isEqualTo(peers.port());
            assertThat(connection.toString()).isEqualTo("local address = 127.0.0.1:" + info.localPort()
                    + "\nremote address = 127.0.0.1:" + peers.port());
            assertThat(peers.calc().ice_connectionId("x").ice_getConnection().getInfo().connectionId())
                    .isEqualTo("x");
            assertThat(connection.getAdapter()).isNull();
            connection.throwException(); // open: nothing to throw
        }
    }

    @Test
    void aServantSeesTheIncomingConnectionInCurrent() throws Exception {
        try (Peers peers = new Peers()) {
            Connection client = peers.calc().ice_getConnection();
            peers.calc().add(1, 1);

            Current current = peers.seen.poll(10, TimeUnit.SECONDS);
            Connection incoming = current.con();

            assertThat(incoming).isNotNull().isNotSameAs(client);
            assertThat(incoming.getInfo().incoming()).isTrue();
            assertThat(incoming.getInfo().adapterName()).isEqualTo("Calc");
            assertThat(incoming.getAdapter()).isSameAs(peers.adapter);
            assertThat(incoming.getEndpoint()).isEqualTo(peers.endpoint());
            assertThat(incoming.getInfo().remotePort()).isEqualTo(client.getInfo().localPort());
            assertThat(incoming.toString()).isEqualTo("local address = 127.0.0.1:" + peers.port()
                    + "\nremote address = 127.0.0.1:" + client.getInfo().localPort());
            assertThat(current.connection()).isEqualTo(incoming.getInfo());
            peers.calc().add(1, 1);
            assertThat(peers.seen.poll(10, TimeUnit.SECONDS).con()).as("one object per connection")
                    .isSameAs(incoming);
        }
    }

    @Test
    void closingGracefullyFailsTheCallsWaitingForRepliesAndTheNextCallConnectsAgain() throws Exception {
        try (Peers peers = new Peers()) {
            CalculatorPrx calc = peers.calc();
            Connection connection = calc.ice_getConnection();
            CompletableFuture<Integer> waiting = calc.addLaterAsync(1, 2);
            peers.nextParked();

            connection.close(ConnectionClose.GRACEFULLY);

            // As in Ice, close has changed the state when it returns.
            assertThatThrownBy(connection::throwException).isInstanceOf(ConnectionManuallyClosedException.class);
            assertThat(failureOf(waiting)).isInstanceOfSatisfying(ConnectionManuallyClosedException.class,
                    e -> assertThat(e.graceful()).isTrue());
            assertThat(calc.add(2, 3)).isEqualTo(5);
            assertThat(calc.ice_getConnection()).isNotSameAs(connection);
        }
    }

    @Test
    void anIdempotentCallFailedByTheApplicationsCloseIsNotRetried() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        try (Peers peers = new Peers()) {
            peers.adapter.add(new StubCalculator() {
                @Override
                public int add(int a, int b, Current current) throws Overflow {
                    calls.incrementAndGet();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return a + b;
                }
            }, Identity.of("slow"));
            CalculatorPrx slow = CalculatorPrx.uncheckedCast(peers.client.stringToProxy("slow:" + peers.endpoint()));
            Connection connection = slow.ice_getConnection();
            CompletableFuture<Integer> waiting = slow.addAsync(1, 2); // idempotent

            while (calls.get() == 0) {
                Thread.onSpinWait(); // bounded by the class timeout
            }
            connection.close(ConnectionClose.GRACEFULLY);

            assertThat(failureOf(waiting)).isInstanceOf(ConnectionManuallyClosedException.class);
            release.countDown();
            assertThat(calls).as("not sent again").hasValue(1);
        }
    }

    @Test
    void closingGracefullyWithWaitWaitsForTheRepliesFirst() throws Exception {
        try (Peers peers = new Peers()) {
            CalculatorPrx calc = peers.calc();
            Connection connection = calc.ice_getConnection();
            CompletableFuture<Integer> waiting = calc.addLaterAsync(1, 2);
            StubCalculator.AddLaterCallback cb = peers.nextParked();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(
                    () -> connection.close(ConnectionClose.GRACEFULLY_WITH_WAIT));

            assertThatThrownBy(() -> closing.get(200, TimeUnit.MILLISECONDS)).as("still waiting for the reply")
                    .isInstanceOf(TimeoutException.class);
            peers.answer(cb, 3);

            assertThat(closing).succeedsWithin(Duration.ofSeconds(10));
            assertThat(waiting).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(3);
            assertThatThrownBy(connection::throwException).isInstanceOf(ConnectionManuallyClosedException.class);
        }
    }

    @Test
    void closingGracefullyWithWaitCountsACallIssuedJustBefore() throws Exception {
        try (Peers peers = new Peers()) {
            CalculatorPrx calc = peers.calc();
            Connection connection = calc.ice_getConnection();
            // On a thread of its own: the common pool has one thread on two cores, and may be busy.
            CompletableFuture<Void> answering = CompletableFuture.runAsync(() -> {
                try {
                    peers.answer(peers.nextParked(), 3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, task -> new Thread(task, "answering").start());

            // Closed right after the call, from the same thread: the request may not be out yet.
            CompletableFuture<Integer> waiting = calc.addLaterAsync(1, 2);
            connection.close(ConnectionClose.GRACEFULLY_WITH_WAIT);

            assertThat(waiting).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(3);
            assertThat(answering).succeedsWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void closingForcefullyFailsTheWaitingCallsAsNotGraceful() throws Exception {
        try (Peers peers = new Peers(new Properties(), new Properties().set("Ice.RetryIntervals", "-1"))) {
            CalculatorPrx calc = peers.calc();
            Connection connection = calc.ice_getConnection();
            CompletableFuture<Integer> waiting = calc.addLaterAsync(1, 2);
            peers.nextParked();

            connection.close(ConnectionClose.FORCEFULLY);

            assertThatThrownBy(connection::throwException).isInstanceOf(ConnectionManuallyClosedException.class);
            assertThat(failureOf(waiting)).isInstanceOfSatisfying(ConnectionManuallyClosedException.class,
                    e -> assertThat(e.graceful()).isFalse());
            assertThat(calc.add(2, 3)).isEqualTo(5);
        }
    }

    @Test
    void theCloseCallbackRunsOnTheClientPoolOnceClosedAndAtOnceWhenSetAfterwards() throws Exception {
        try (Peers peers = new Peers()) {
            Connection connection = peers.calc().ice_getConnection();
            BlockingQueue<String> calls = new LinkedBlockingQueue<>();
            connection.setCloseCallback(c -> calls.add(Thread.currentThread().getName() + " " + (c == connection)));

            connection.close(ConnectionClose.GRACEFULLY);

            assertThat(calls.poll(10, TimeUnit.SECONDS)).matches("floe-client-.* true");
            connection.setCloseCallback(c -> calls.add("late"));
            assertThat(calls.poll(10, TimeUnit.SECONDS)).isEqualTo("late");
            assertThatThrownBy(connection::getInfo).isInstanceOf(ConnectionManuallyClosedException.class);
            assertThat(connection.toString()).startsWith("local address = 127.0.0.1:");
        }
    }

    @Test
    void theServerClosingGracefullyIsACloseConnectionException() throws Exception {
        try (Peers peers = new Peers()) {
            Connection connection = peers.calc().ice_getConnection();
            CountDownLatch closed = new CountDownLatch(1);
            connection.setCloseCallback(c -> closed.countDown());

            peers.adapter.deactivate();

            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(connection::throwException).isInstanceOf(CloseConnectionException.class);
            assertThatThrownBy(connection::heartbeat).isInstanceOf(CloseConnectionException.class);
        }
    }

    @Test
    void heartbeatsReachTheOtherSidesCallbackBothWays() throws Exception {
        // The server heartbeats its idle connections every quarter of its 1 s ACM timeout.
        Properties server = new Properties().set("Ice.ACM.Server.Timeout", "1").set("Ice.ACM.Server.Close", "0");
        Properties client = new Properties().set("Ice.ACM.Client.Heartbeat", "0");
        try (Peers peers = new Peers(server, client)) {
            Connection connection = peers.calc().ice_getConnection();
            BlockingQueue<String> beats = new LinkedBlockingQueue<>();
            connection.setHeartbeatCallback(c -> beats.add(Thread.currentThread().getName()));
            assertThat(beats.poll(10, TimeUnit.SECONDS)).startsWith("floe-client-");
            connection.setHeartbeatCallback(null);

            peers.calc().add(1, 1);
            Connection incoming = peers.seen.poll(10, TimeUnit.SECONDS).con();
            BlockingQueue<Connection> received = new LinkedBlockingQueue<>();
            incoming.setHeartbeatCallback(received::add);
            connection.heartbeat();
            assertThat(connection.heartbeatAsync()).succeedsWithin(Duration.ofSeconds(10));

            assertThat(received.poll(10, TimeUnit.SECONDS)).isSameAs(incoming);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isSameAs(incoming);
        }
    }

    @Test
    void setAcmReplacesWhatItIsGivenAndTakesTheConfiguredValueForTheRest() {
        try (Peers peers = new Peers(new Properties(), new Properties().set("Ice.ACM.Client.Timeout", "30"))) {
            Connection connection = peers.calc().ice_getConnection();
            assertThat(connection.getACM()).isEqualTo(new ACM(30, ACMClose.CLOSE_ON_INVOCATION_AND_IDLE,
                    ACMHeartbeat.HEARTBEAT_ALWAYS));

            connection.setACM(OptionalInt.of(5), Optional.empty(), Optional.empty());
            assertThat(connection.getACM()).isEqualTo(new ACM(5, ACMClose.CLOSE_ON_INVOCATION_AND_IDLE,
                    ACMHeartbeat.HEARTBEAT_ALWAYS));

            connection.setACM(OptionalInt.empty(), Optional.of(ACMClose.CLOSE_OFF),
                    Optional.of(ACMHeartbeat.HEARTBEAT_ON_IDLE));
            assertThat(connection.getACM()).as("as Ice: an absent timeout is the configured one")
                    .isEqualTo(new ACM(30, ACMClose.CLOSE_OFF, ACMHeartbeat.HEARTBEAT_ON_IDLE));
            assertThatThrownBy(() -> connection.setACM(OptionalInt.of(-1), Optional.empty(), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void setAcmCanMakeAnIdleConnectionCloseSoon() throws Exception {
        try (Peers peers = new Peers()) {
            Connection connection = peers.calc().ice_getConnection();
            CountDownLatch closed = new CountDownLatch(1);
            connection.setCloseCallback(c -> closed.countDown());

            connection.setACM(OptionalInt.of(1), Optional.of(ACMClose.CLOSE_ON_IDLE), Optional.empty());

            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(connection::throwException).isInstanceOf(io.floe.ConnectionTimeoutException.class);
        }
    }

    @Test
    void aConnectionFlushesTheBatchRequestsQueuedOnIt() throws Exception {
        try (Peers peers = new Peers()) {
            CalculatorPrx batch = CalculatorPrx.uncheckedCast(peers.calc().ice_batchOneway());
            Connection connection = batch.ice_getConnection();
            for (int i = 0; i < 3; i++) {
                assertThat(batch.failAsync("none")).succeedsWithin(Duration.ofSeconds(10));
            }
            assertThat(peers.seen.poll(300, TimeUnit.MILLISECONDS)).as("nothing before the flush").isNull();

            connection.flushBatchRequests(CompressBatch.NO);

            for (int i = 0; i < 3; i++) {
                assertThat(peers.seen.poll(10, TimeUnit.SECONDS)).as("batched request " + i).isNotNull();
            }
        }
    }

    @Test
    void aCollocatedProxyHasNoConnection() {
        try (Peers peers = new Peers()) {
            ObjectPrx local = peers.server.stringToProxy("calc:" + peers.endpoint());
            assertThat(local.ice_getConnection()).isNull();
        }
    }

    @Test
    void iceGetConnectionFailsAsACallWould() throws Exception {
        try (Communicator client = Communicator.initialize()) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            assertThatThrownBy(() -> client.stringToProxy("x:tcp -h 127.0.0.1 -p " + port).ice_getConnection())
                    .isInstanceOf(ConnectionRefusedException.class);
            assertThatThrownBy(() -> client.stringToProxy("x @ somewhere").ice_getConnection())
                    .isInstanceOf(NoEndpointException.class);
        }
    }
}
