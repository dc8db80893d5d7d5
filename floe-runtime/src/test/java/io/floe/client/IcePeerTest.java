package io.floe.client;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.ConnectionLostException;
import io.floe.Current;
import io.floe.EndpointSelectionType;
import io.floe.Identity;
import io.floe.ImplicitContext;
import io.floe.InvocationTimeoutException;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.encoding.UserExceptionFactory;
import io.floe.testing.SharedFolder;
import io.floe.testing.StubCalculator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our client against the real Ice server (../shared/interop/server.py) for retries,
 * timeouts, failover and contexts; a Python Ice client against our server for oneway calls and
 * contexts.
 */
@Timeout(90)
class IcePeerTest {
    private static final Path INTEROP = SharedFolder.interop();

    /** One server.py on an ephemeral port; its proxy string is "tester:" + endpoint. */
    record IceServer(Process process, String endpoint) implements AutoCloseable {
        static IceServer start() throws IOException {
            Process p = new ProcessBuilder("/usr/bin/python3", INTEROP.resolve("server.py").toString(),
                    "tcp -h 127.0.0.1 -p 0").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("ready ")) {
                p.destroyForcibly();
                throw new IllegalStateException("server.py did not start: " + line);
            }
            return new IceServer(p, line.substring("ready ".length()).trim());
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static CompletableFuture<Integer> delay(ObjectPrx tester, int ms, int value) {
        return tester.ice_reference().invoke("delay", OperationMode.NORMAL, null, out -> {
            out.writeInt(ms);
            out.writeInt(value);
        }, in -> in.readInt(), UserExceptionFactory.NONE, null);
    }

    private static CompletableFuture<Map<String, String>> getContext(ObjectPrx tester, Map<String, String> ctx) {
        return tester.ice_reference().invoke("getContext", OperationMode.IDEMPOTENT, null, null, in -> {
            Map<String, String> m = new HashMap<>();
            int n = in.readSize();
            for (int i = 0; i < n; i++) {
                m.put(in.readString(), in.readString());
            }
            return m;
        }, UserExceptionFactory.NONE, ctx);
    }

    @Test
    void anIdempotentCallLostWithItsServerIsRetriedOnTheNextEndpointAndANormalOneIsNot() throws Exception {
        try (IceServer first = IceServer.start(); IceServer second = IceServer.start();
             Communicator client = Communicator.initialize()) {
            ObjectPrx tester = client.stringToProxy("tester:" + first.endpoint() + ":" + second.endpoint())
                    .ice_endpointSelection(EndpointSelectionType.ORDERED);
            assertThat(delay(tester, 0, 1).get(10, TimeUnit.SECONDS)).isEqualTo(1);

            // One dispatch thread: getContext waits behind delay, and both are in flight when the server dies.
            CompletableFuture<Integer> normal = delay(tester, 5_000, 2);
            CompletableFuture<Map<String, String>> idempotent = getContext(tester, Map.of("try", "again"));
            Thread.sleep(300);
            first.kill();

            assertThat(failureOf(normal)).isInstanceOf(ConnectionLostException.class);
            assertThat(idempotent.get(10, TimeUnit.SECONDS)).containsEntry("try", "again");
        }
    }

    @Test
    void aCallWithoutAReplyWithinItsInvocationTimeoutFailsAndTheConnectionStaysUsable() throws Exception {
        try (IceServer server = IceServer.start(); Communicator client = Communicator.initialize()) {
            ObjectPrx tester = client.stringToProxy("tester:" + server.endpoint());
            ObjectPrx impatient = tester.ice_invocationTimeout(300);

            assertThat(failureOf(delay(impatient, 1_500, 1))).isInstanceOf(InvocationTimeoutException.class);
            assertThat(delay(tester, 0, 7).get(10, TimeUnit.SECONDS)).isEqualTo(7);
        }
    }

    @Test
    void aProxyWithADeadEndpointFirstFailsOverToTheLiveOne() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        try (IceServer server = IceServer.start();
             Communicator client = Communicator.initialize("--Ice.RetryIntervals=-1")) {
            ObjectPrx tester = client.stringToProxy("tester:tcp -h 127.0.0.1 -p " + dead + ":" + server.endpoint())
                    .ice_endpointSelection(EndpointSelectionType.ORDERED);

            assertThat(delay(tester, 0, 3).get(10, TimeUnit.SECONDS)).isEqualTo(3);
        }
    }

    @Test
    void theImplicitContextGoesUnderTheProxysContextAndAnExplicitCallContextReplacesBoth() throws Exception {
        try (IceServer server = IceServer.start();
             Communicator client = Communicator.initialize("--Ice.ImplicitContext=Shared")) {
            ImplicitContext implicit = client.getImplicitContext();
            implicit.put("a", "1");
            implicit.put("k", "implicit");
            ObjectPrx tester = client.stringToProxy("tester:" + server.endpoint());

            assertThat(getContext(tester, null).get(10, TimeUnit.SECONDS)).isEqualTo(Map.of("a", "1", "k", "implicit"));
            assertThat(getContext(tester.ice_context(Map.of("k", "proxy")), null).get(10, TimeUnit.SECONDS))
                    .isEqualTo(Map.of("a", "1", "k", "proxy"));
            assertThat(getContext(tester.ice_context(Map.of("k", "proxy")), Map.of("c", "call"))
                    .get(10, TimeUnit.SECONDS)).isEqualTo(Map.of("c", "call")); // as Ice: an explicit context alone
            assertThat(implicit.remove("a")).isEqualTo("1");
            assertThat(implicit.get("a")).isEmpty();
            assertThat(getContext(tester, null).get(10, TimeUnit.SECONDS)).isEqualTo(Map.of("k", "implicit"));
        }
    }

    @Test
    void aPerThreadImplicitContextSendsOnlyTheCallingThreadsEntries() throws Exception {
        try (IceServer server = IceServer.start();
             Communicator client = Communicator.initialize("--Ice.ImplicitContext=PerThread")) {
            ObjectPrx tester = client.stringToProxy("tester:" + server.endpoint());
            client.getImplicitContext().put("mine", "yes");

            Map<String, String> elsewhere = CompletableFuture.supplyAsync(() -> {
                client.getImplicitContext().put("theirs", "yes");
                return getContext(tester, null).join();
            }).get(10, TimeUnit.SECONDS);

            assertThat(elsewhere).isEqualTo(Map.of("theirs", "yes"));
            assertThat(getContext(tester, null).get(10, TimeUnit.SECONDS)).isEqualTo(Map.of("mine", "yes"));
            assertThat(client.getImplicitContext().containsKey("theirs")).isFalse();
        }
    }

    @Test
    void withoutImplicitContextTheCommunicatorHasNone() {
        try (Communicator client = Communicator.initialize()) {
            assertThat(client.getImplicitContext()).isNull();
        }
    }

    @Test
    void aPythonIceClientSendsOnewayAndTwowayRequestsWithContextsToOurServer() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        StubCalculator recording = new StubCalculator() {
            @Override
            public void fail(String kind, Current current) {
                seen.add(kind + " " + current.requestId() + " " + new java.util.TreeMap<>(current.ctx()));
            }
        };
        try (Communicator server = Communicator.initialize()) {
            ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Peer", "tcp -h 127.0.0.1 -p 0");
            adapter.add(recording, Identity.of("calc"));
            adapter.activate();
            String script = String.join("\n",
                    "import Ice, sys",
                    "c = Ice.initialize(['--Ice.ImplicitContext=Shared'])",
                    "c.getImplicitContext().put('imp', 'i')",
                    "c.getImplicitContext().put('k', 'implicit')",
                    "p = c.stringToProxy(sys.argv[1])",
                    "import struct",
                    "def enc(s):  # an encapsulation 1.1 holding one short string",
                    "    b = bytes([len(s)]) + s.encode()",
                    "    return struct.pack('<i', 6 + len(b)) + b'\\x01\\x01' + b",
                    "p.ice_oneway().ice_invoke('fail', Ice.OperationMode.Normal, enc('one'), {'k': 'call'})",
                    "ok, out = p.ice_invoke('fail', Ice.OperationMode.Normal, enc('two'))",
                    "print('ok' if ok else 'failed')",
                    "c.destroy()");
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", script,
                    "calc:" + adapter.endpoints().get(0)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo("ok");

            // The oneway went first on the same connection, so it was dispatched before the twoway.
            // Ice's own merge: an explicit context is sent alone, otherwise the implicit one goes.
            assertThat(seen).containsExactly("one 0 {k=call}", "two 1 {imp=i, k=implicit}");
        }
    }

    @Test
    void aCallAfterTheServerClosedTheIdleConnectionGracefullyGoesThrough() throws Exception {
        try (IceServer server = startWith("--Ice.ACM.Server.Timeout=1", "--Ice.ACM.Server.Close=1");
             Communicator client = Communicator.initialize()) {
            ObjectPrx tester = client.stringToProxy("tester:" + server.endpoint());
            assertThat(getContext(tester, Map.of()).get(10, TimeUnit.SECONDS)).isEmpty();

            Thread.sleep(2_500); // the server closes the idle connection gracefully

            assertThat(getContext(tester, Map.of("n", "2")).get(10, TimeUnit.SECONDS)).containsEntry("n", "2");
        }
    }

    private static IceServer startWith(String... properties) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3",
                INTEROP.resolve("server.py").toString(), "tcp -h 127.0.0.1 -p 0"));
        command.addAll(List.of(properties));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("ready ")) {
            p.destroyForcibly();
            throw new IllegalStateException("server.py did not start: " + line);
        }
        return new IceServer(p, line.substring("ready ".length()).trim());
    }
}
