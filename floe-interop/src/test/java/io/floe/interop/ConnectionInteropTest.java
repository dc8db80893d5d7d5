package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import Interop.AmdTesterPrx;
import Interop.Callback;
import Interop.CallbackPrx;
import Interop.TesterPrx;
import io.floe.AsyncReply;
import io.floe.CloseConnectionException;
import io.floe.Communicator;
import io.floe.Connection;
import io.floe.ConnectionClose;
import io.floe.ConnectionManuallyClosedException;
import io.floe.Current;
import io.floe.Identity;
import io.floe.IncomingRequest;
import io.floe.InvocationFuture;
import io.floe.ObjectAdapter;
import io.floe.ObjectNotExistException;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.Properties;
import io.floe.Servant;
import io.floe.UserException;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.encoding.UserExceptionFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our io.floe.Connection against the real Ice: our client's connection to the reference
 * server.py (ice_getConnection, heartbeats both ways, the close modes, the server's own graceful
 * close), and a bidirectional connection to a Python Ice server that calls our client back over
 * it (src/test/python/bidir_server.py).
 */
@Timeout(120)
class ConnectionInteropTest {
    /** server.py with 1 s ACM and heartbeats always; {@code --Ice.Trace.Protocol=1} among {@code extra} traces every message. */
    private static PeerProcess startServerPy(String... extra) {
        Repository.requirePython();
        List<String> command = new java.util.ArrayList<>(List.of(Repository.PYTHON.toString(),
                Repository.interop().resolve("server.py").toString(), "tcp -h 127.0.0.1 -p 0",
                "--Ice.ACM.Timeout=1", "--Ice.ACM.Heartbeat=3"));
        command.addAll(List.of(extra));
        return PeerProcess.start("server.py", command.toArray(String[]::new));
    }

    private static long validateConnectionsReceived(PeerProcess server) {
        return server.output().lines().filter(l -> l.contains("Protocol: received validate connection")).count();
    }

    @Test
    void ourClientsConnectionToTheRealIceDescribesItselfAndHeartbeatsBothWays() throws Exception {
        // Our client sends no heartbeat of its own here: the server must see only the one we ask for.
        try (PeerProcess server = startServerPy("--Ice.Trace.Protocol=1");
             Communicator client = Communicator.initialize(new Properties().set("Ice.ACM.Client.Heartbeat", "0"))) {
            TesterPrx tester = TesterPrx.uncheckedCast(client.stringToProxy(server.proxy("tester")));

            Connection connection = tester.ice_getConnection();

            assertThat(tester.ice_getCachedConnection()).isSameAs(connection);
            assertThat(connection.type()).isEqualTo("tcp");
            assertThat(connection.timeout()).isEqualTo(60_000);
            assertThat(connection.getEndpoint()).isEqualTo(server.endpoint());
            assertThat(connection.getInfo().remotePort()).isEqualTo(server.port());
            assertThat(connection.toString()).isEqualTo("local address = 127.0.0.1:" + connection.getInfo().localPort()
                    + "\nremote address = 127.0.0.1:" + server.port());

            BlockingQueue<String> heartbeats = new LinkedBlockingQueue<>();
            connection.setHeartbeatCallback(c -> heartbeats.add(Thread.currentThread().getName()));
            assertThat(heartbeats.poll(10, TimeUnit.SECONDS)).as("a heartbeat from Ice, on our client pool")
                    .startsWith("floe-client-");

            long before = validateConnectionsReceived(server);
            connection.heartbeat();
            // Ice traces to its stderr, which we read on another thread: poll it, bounded.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (validateConnectionsReceived(server) == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(validateConnectionsReceived(server)).as(server.output()).isEqualTo(before + 1);
        }
    }

    @Test
    void theCloseModesAgainstTheRealIce() throws Exception {
        try (PeerProcess server = startServerPy(); Communicator client = Communicator.initialize()) {
            AmdTesterPrx amd = AmdTesterPrx.uncheckedCast(client.stringToProxy(server.proxy("amdTester")));

            // GracefullyWithWait: the delayed reply comes first, then the connection closes.
            Connection first = amd.ice_getConnection();
            InvocationFuture<Integer> slow = amd.delayAsync(500, 7);
            awaitSent(slow); // on this connection, not still queued behind its making
            first.close(ConnectionClose.GRACEFULLY_WITH_WAIT);
            // Had the close not waited for the reply, the call would have failed with
            // ConnectionManuallyClosedException (it completes on the client pool, maybe just after).
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(7);
            assertThatThrownBy(first::throwException).isInstanceOf(ConnectionManuallyClosedException.class);

            // Gracefully: the waiting call fails at once, and is not sent again.
            Connection second = amd.ice_getConnection();
            assertThat(second).isNotSameAs(first);
            InvocationFuture<Integer> abandoned = amd.delayAsync(2000, 8);
            awaitSent(abandoned);
            second.close(ConnectionClose.GRACEFULLY);
            assertThatThrownBy(() -> abandoned.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ConnectionManuallyClosedException.class,
                            e -> assertThat(e.graceful()).isTrue());

            // Forcefully, then the server closing gracefully on its own (shutdown).
            Connection third = amd.ice_getConnection();
            third.close(ConnectionClose.FORCEFULLY);
            assertThat(amd.delay(0, 9)).isEqualTo(9);
            Connection fourth = amd.ice_getConnection();
            CountDownLatch closed = new CountDownLatch(1);
            fourth.setCloseCallback(c -> closed.countDown());
            TesterPrx.uncheckedCast(client.stringToProxy(server.proxy("tester"))).shutdown();
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(fourth::throwException).isInstanceOf(CloseConnectionException.class);
        }
    }

    private static void awaitSent(InvocationFuture<?> call) throws Exception {
        CompletableFuture<Boolean> sent = new CompletableFuture<>();
        call.whenSent(sent::complete);
        sent.get(10, TimeUnit.SECONDS);
    }

    /** bidir_server.py: Bidir::CallbackServer as identity "bidir". */
    private static PeerProcess startBidirServer() {
        Repository.requirePython();
        return PeerProcess.start("bidir_server.py", Repository.PYTHON.toString(),
                Path.of("src", "test", "python", "bidir_server.py").toAbsolutePath().toString(),
                Repository.interop().toString(), "tcp -h 127.0.0.1 -p 0");
    }

    private static CompletableFuture<String> callBack(ObjectPrx server, Identity id, String msg) {
        return server.ice_reference().invoke("callBack", OperationMode.NORMAL, null, out -> {
            out.writeString(id.name());
            out.writeString(id.category());
            out.writeString(msg);
        }, in -> in.readString(), UserExceptionFactory.NONE, null);
    }

    private static String describeConnection(ObjectPrx server) {
        return ObjectPrx.awaitLocal(server.ice_reference().invoke("describeConnection", OperationMode.NORMAL, null,
                null, in -> in.readString(), UserExceptionFactory.NONE, null));
    }

    @Test
    void aRealIceServerCallsOurClientBackOverTheConnectionOurClientMade() throws Exception {
        try (PeerProcess server = startBidirServer(); Communicator client = Communicator.initialize()) {
            ObjectPrx bidir = client.stringToProxy(server.proxy("bidir"));
            Connection connection = bidir.ice_getConnection();
            Identity callback = Identity.of("callback");

            // No adapter on the connection yet: our client answers ObjectNotExist, as Ice does.
            assertThatThrownBy(() -> callBack(bidir, callback, "early").get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(ObjectNotExistException.class,
                            e -> assertThat(e.id()).isEqualTo(callback));

            BlockingQueue<Current> seen = new LinkedBlockingQueue<>();
            ObjectAdapter adapter = client.createObjectAdapter("");
            adapter.add((Callback) (msg, current) -> {
                seen.add(current);
                return "hello " + msg;
            }, callback);
            adapter.activate();
            connection.setAdapter(adapter);

            assertThat(callBack(bidir, callback, "from Ice").get(10, TimeUnit.SECONDS)).isEqualTo("hello from Ice");
            Current current = seen.poll(10, TimeUnit.SECONDS);
            assertThat(current.con()).as("dispatched on our own outgoing connection").isSameAs(connection);
            assertThat(current.connection().incoming()).isFalse();

            List<String> described = describeConnection(bidir).lines().toList();
            assertThat(described).containsExactly(
                    "local address = 127.0.0.1:" + server.port(),
                    "remote address = 127.0.0.1:" + connection.getInfo().localPort(),
                    "tcp", "60000", "True", server.endpoint());
        }
    }

    /** Our server of Bidir::CallbackServer, written as floe-slice would generate it. */
    private static final class CallbackServerServant implements Servant {
        @Override
        public String ice_id(Current current) {
            return "::Bidir::CallbackServer";
        }

        @Override
        public String[] ice_ids(Current current) {
            return new String[] {"::Bidir::CallbackServer", "::Ice::Object"};
        }

        @Override
        public void _dispatch(IncomingRequest request) throws UserException {
            Current current = request.current();
            switch (current.operation()) {
                case "callBack" -> {
                    InputStream in = request.startReadParams();
                    Identity id = in.readIdentity();
                    String msg = in.readString();
                    request.endReadParams();
                    AsyncReply reply = request.startAsync();
                    CallbackPrx.uncheckedCast(current.con().createProxy(id)).helloAsync(msg).whenComplete((r, e) -> {
                        if (e != null) {
                            reply.fail(e);
                        } else {
                            reply.succeed(out -> out.writeString(r));
                        }
                    });
                }
                case "describeConnection" -> {
                    request.readEmptyParams();
                    Connection con = current.con();
                    OutputStream out = request.startWriteResult();
                    out.writeString(String.join("\n", con.toString(), con.type(), String.valueOf(con.timeout()),
                            con.getInfo().incoming() ? "True" : "False", con.getEndpoint()));
                    request.sendResult(out);
                }
                default -> Servant._dispatchBuiltin(this, request);
            }
        }
    }

    @Test
    void ourServerCallsARealIceClientBackOverTheClientsOwnConnection() throws Exception {
        Repository.requirePython();
        try (Communicator server = Communicator.initialize()) {
            ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Bidir", "tcp -h 127.0.0.1 -p 0");
            adapter.add(new CallbackServerServant(), Identity.of("bidir"));
            adapter.activate();

            ConformanceRun run = ConformanceRun.of(List.of(Repository.PYTHON.toString(),
                    Path.of("src", "test", "python", "bidir_client.py").toAbsolutePath().toString(),
                    Repository.interop().toString(), "bidir:" + adapter.endpoints().get(0)));

            assertThat(run.failures()).as(run.report()).isEmpty();
            assertThat(run.lastLine()).as(run.report()).isEqualTo("4 passed, 0 failed");
            assertThat(run.exitStatus()).as(run.report()).isZero();
        }
    }

    @Test
    void manyCallbacksInFlightAtOnceOverOneConnection() throws Exception {
        try (PeerProcess server = startBidirServer(); Communicator client = Communicator.initialize()) {
            ObjectPrx bidir = client.stringToProxy(server.proxy("bidir"));
            ObjectAdapter adapter = client.createObjectAdapter("");
            adapter.add((Callback) (msg, current) -> "hello " + msg, Identity.of("callback"));
            adapter.activate();
            bidir.ice_getConnection().setAdapter(adapter);

            List<CompletableFuture<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(callBack(bidir, Identity.of("callback"), "#" + i));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i)).succeedsWithin(Duration.ofSeconds(20)).isEqualTo("hello #" + i);
            }
        }
    }
}
