package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import Interop.Tester;
import Interop.TesterPrx;
import io.floe.Communicator;
import io.floe.NotRegisteredException;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Floe and the real ZeroC Ice 3.7 meeting through a real IceGrid registry (icegridregistry with
 * dynamic registration): our adapters register there and our clients resolve through it, a
 * Python Ice client reaches our server and our client a Python Ice server, and a well-known
 * object added with IceGrid's admin resolves through its adapter. Peers: Interop.ice's servers
 * (our InteropServer in this JVM, the reference server.py) and src/test/python/icegrid_peer.py.
 */
@Timeout(180)
class IceGridInteropTest {
    private static final Path PEER = Path.of("src", "test", "python", "icegrid_peer.py").toAbsolutePath();
    private static final Path INTEROP_ICE = Path.of("src", "main", "slice", "Interop.ice").toAbsolutePath();

    private static IceGridRegistry grid;

    @BeforeAll
    static void startRegistry() throws Exception {
        Repository.requirePython();
        grid = IceGridRegistry.start("FloeTestGrid", true);
    }

    @AfterAll
    static void stopRegistry() {
        if (grid != null) {
            grid.close();
        }
    }

    private static InteropServer floeServer(String adapterId) {
        return InteropServer.start(Properties.fromArgs("--Interop.Endpoints=tcp -h 127.0.0.1 -p 0",
                "--Interop.AdapterId=" + adapterId, "--Ice.Default.Locator=" + grid.locatorProxy()));
    }

    private static Communicator client() {
        return Communicator.initialize("--Ice.Default.Locator=" + grid.locatorProxy());
    }

    private static TesterPrx tester(Communicator client, String proxy) {
        return TesterPrx.uncheckedCast(client.stringToProxy(proxy));
    }

    private static ConformanceRun peer(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Repository.PYTHON.toString(), PEER.toString(),
                INTEROP_ICE.toString(), grid.locatorProxy()));
        command.addAll(List.of(arguments));
        return ConformanceRun.of(command);
    }

    @Test
    void ourAdapterRegistersWithIceGridAndOurClientCallsItThroughTheLocatorUntilItUnregisters() throws Exception {
        try (Communicator client = client()) {
            try (InteropServer server = floeServer("FloeGridA")) {
                TesterPrx tester = tester(client, "tester@FloeGridA");

                assertThat(tester.opString("locat", "or")).isEqualTo(new Tester.OpStringResult("locator", "locat"));
                TesterPrx again = tester.getTester();
                assertThat(again.ice_toString()).isEqualTo("tester -t -e 1.1 @ FloeGridA");
                assertThat(again.opInt(6, 3)).isEqualTo(new Tester.OpIntResult(6, 5));
            }
            // Deactivation cleared the endpoints; IceGrid then forgets a dynamically registered adapter.
            assertThatThrownBy(() -> tester(client, "tester@FloeGridA").ice_ping())
                    .isInstanceOfSatisfying(NotRegisteredException.class, e -> {
                        assertThat(e.kindOfObject()).isEqualTo("object adapter");
                        assertThat(e.id()).isEqualTo("FloeGridA");
                    });
        }
    }

    @Test
    void aRealIceClientCallsOurRegisteredAdapterThroughIceGrid() throws Exception {
        try (InteropServer server = floeServer("FloeGridB")) {
            ConformanceRun run = peer("client", "FloeGridB", "tester@FloeGridB", "tester -e 1.0 @ FloeGridB");

            assertThat(run.failures()).as(run.report()).isEmpty();
            assertThat(run.lastLine()).as(run.report()).isEqualTo("6 passed, 0 failed");
        }
    }

    @Test
    void ourClientCallsARealIceServerRegisteredInIceGrid() throws Exception {
        Path config = Files.createTempFile("floe-server-py-", ".cfg");
        try {
            Files.writeString(config, "Interop.AdapterId=PyGrid\nIce.Default.Locator=" + grid.locatorProxy() + "\n");
            try (Communicator client = client()) {
                try (PeerProcess python = PeerProcess.start("server.py", Repository.PYTHON.toString(),
                        Repository.interop().resolve("server.py").toString(), "tcp -h 127.0.0.1 -p 0",
                        "--Ice.Config=" + config)) {
                    TesterPrx tester = tester(client, "tester@PyGrid");

                    assertThat(tester.opString("locat", "or")).as(python.output())
                            .isEqualTo(new Tester.OpStringResult("locator", "locat"));
                    TesterPrx again = tester.getTester();
                    assertThat(again.ice_toString()).isEqualTo("tester -t -e 1.1 @ PyGrid");
                    assertThat(again.opInt(6, 3)).isEqualTo(new Tester.OpIntResult(6, 5));
                    assertThat(python.stop()).as(python.output()).isZero();
                }
                // server.py unregistered on its way out: the cached endpoints are refused, the
                // locator is asked again and no longer knows the adapter.
                assertThatThrownBy(() -> tester(client, "tester@PyGrid").ice_ping())
                        .isInstanceOf(NotRegisteredException.class);
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    @Test
    void aWellKnownObjectAddedThroughIceGridsAdminResolvesThroughItsAdapterForUsAndForIce() throws Exception {
        try (InteropServer server = floeServer("FloeGridW"); Communicator client = client()) {
            ConformanceRun added = peer("add-object", "tester -e 1.1 @ FloeGridW", Tester.TYPE_ID);
            assertThat(added.lines()).as(added.report()).containsExactly("added tester");

            TesterPrx tester = tester(client, "tester"); // findObjectById, then findAdapterById
            assertThat(tester.opString("well-", "known")).isEqualTo(new Tester.OpStringResult("well-known", "well-"));
            assertThat(tester.getTester().ice_toString()).isEqualTo("tester -t -e 1.1 @ FloeGridW");

            ConformanceRun ice = peer("client", "FloeGridW", "tester");
            assertThat(ice.failures()).as(ice.report()).isEmpty();
            assertThat(ice.lastLine()).as(ice.report()).isEqualTo("3 passed, 0 failed");
        }
    }

    @Test
    void withoutDynamicRegistrationAnUnknownAdapterIdFailsActivateAsNotRegistered() throws Exception {
        try (IceGridRegistry strict = IceGridRegistry.start("FloeStrictGrid", false);
             Communicator server = Communicator.initialize("--Ice.Default.Locator=" + strict.locatorProxy(),
                     "--Strict.AdapterId=Undeployed", "--Strict.Endpoints=tcp -h 127.0.0.1 -p 0")) {
            ObjectAdapter adapter = server.createObjectAdapter("Strict");

            assertThatThrownBy(adapter::activate).as(strict.output())
                    .isInstanceOfSatisfying(NotRegisteredException.class, e -> {
                        assertThat(e.kindOfObject()).isEqualTo("object adapter");
                        assertThat(e.id()).isEqualTo("Undeployed");
                    });
        }
    }
}
