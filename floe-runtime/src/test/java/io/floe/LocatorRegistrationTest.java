package io.floe;

import static io.floe.internal.locator.LocatorUserException.ADAPTER_ALREADY_ACTIVE;
import static io.floe.internal.locator.LocatorUserException.ADAPTER_NOT_FOUND;
import static io.floe.internal.locator.LocatorUserException.INVALID_REPLICA_GROUP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.testing.CalculatorPrx;
import io.floe.testing.StubCalculator;
import io.floe.testing.TestLocator;
import io.floe.testing.TestLocator.Registration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An object adapter with an AdapterId registers its endpoints with its locator's registry on
 * activate() and clears them on deactivation; its proxies are indirect; registration failures
 * are Ice's exceptions. The locator is a Floe servant standing in for IceGrid.
 */
@Timeout(60)
class LocatorRegistrationTest {
    private TestLocator locator;

    @BeforeEach
    void start() {
        locator = new TestLocator();
    }

    @AfterEach
    void stop() {
        locator.close();
    }

    private Communicator server(String... properties) {
        Properties p = Properties.fromArgs(properties);
        p.set("Ice.Default.Locator", locator.proxyString());
        p.set("Calc.Endpoints", "tcp -h 127.0.0.1 -p 0");
        return Communicator.initialize(p);
    }

    @Test
    void activateRegistersThePublishedEndpointsAndDeactivationClearsThem() {
        try (Communicator server = server("--Calc.AdapterId=CalcAdapter")) {
            ObjectAdapter adapter = server.createObjectAdapter("Calc");
            adapter.activate();
            adapter.activate(); // once only

            List<Registration> registered = locator.registrations();
            assertThat(registered).hasSize(1);
            assertThat(registered.get(0).adapterId()).isEqualTo("CalcAdapter");
            assertThat(registered.get(0).replicaGroupId()).isEmpty();
            assertThat(registered.get(0).proxy().ice_getIdentity()).isEqualTo(Identity.of("dummy"));
            assertThat(registered.get(0).proxy().ice_getEndpoints()).isEqualTo(adapter.endpoints());

            adapter.deactivate();
            adapter.waitForDeactivate();
            assertThat(locator.registrations()).hasSize(2);
            assertThat(locator.registrations().get(1)).isEqualTo(new Registration("CalcAdapter", "", null));
        }
    }

    @Test
    void deactivatingWhileTheRegistrationIsInFlightClearsTheEndpointsAfterIt() throws Exception {
        try (Communicator server = server("--Calc.AdapterId=CalcAdapter")) {
            ObjectAdapter adapter = server.createObjectAdapter("Calc");
            locator.hold();
            CompletableFuture<Void> activating = CompletableFuture.runAsync(adapter::activate);
            locator.awaitHeld(1, Duration.ofSeconds(10)); // activate() waits for getRegistry

            adapter.deactivate();
            locator.release();
            activating.get(10, TimeUnit.SECONDS);
            adapter.waitForDeactivate();

            assertThat(locator.registrations()).extracting(r -> r.proxy() != null).containsExactly(true, false);
        }
    }

    @Test
    void aReplicaGroupMemberRegistersWithItsGroupAndItsProxiesNameTheGroup() {
        try (Communicator server = server("--Calc.AdapterId=Calc-1", "--Calc.ReplicaGroupId=Calcs")) {
            ObjectAdapter adapter = server.createObjectAdapter("Calc");
            adapter.activate();

            assertThat(locator.registrations()).singleElement()
                    .satisfies(r -> assertThat(r.replicaGroupId()).isEqualTo("Calcs"))
                    .satisfies(r -> assertThat(r.adapterId()).isEqualTo("Calc-1"));
            assertThat(adapter.createProxy(Identity.of("calc")).ice_toString()).isEqualTo("calc -t -e 1.1 @ Calcs");
            assertThat(adapter.createIndirectProxy(Identity.of("calc")).ice_toString())
                    .isEqualTo("calc -t -e 1.1 @ Calc-1");
        }
    }

    @Test
    void proxiesOfAnAdapterWithAnAdapterIdAreIndirectAndReachItThroughTheLocator() throws Exception {
        try (Communicator server = server("--Calc.AdapterId=CalcAdapter");
             Communicator client = Communicator.initialize("--Ice.Default.Locator=" + locator.proxyString())) {
            ObjectAdapter adapter = server.createObjectAdapter("Calc");
            ObjectPrx added = adapter.add(new StubCalculator(), Identity.of("calc"));
            adapter.activate();

            assertThat(added.ice_toString()).isEqualTo("calc -t -e 1.1 @ CalcAdapter");
            assertThat(adapter.createDirectProxy(Identity.of("calc")).ice_getEndpoints())
                    .isEqualTo(adapter.endpoints());
            assertThat(adapter.locator().ice_toString()).isEqualTo(locator.proxyString());
            assertThat(added.ice_getLocator().ice_toString()).isEqualTo(locator.proxyString());
            CalculatorPrx remote = CalculatorPrx.uncheckedCast(client.stringToProxy(added.ice_toString()));
            assertThat(remote.add(20, 22)).isEqualTo(42);
        }
    }

    @Test
    void withoutAnAdapterIdNothingIsRegisteredAndProxiesAreDirect() {
        try (Communicator server = server()) {
            ObjectAdapter adapter = server.createObjectAdapter("Calc");
            adapter.activate();

            assertThat(locator.registrations()).isEmpty();
            assertThat(adapter.createProxy(Identity.of("calc")).ice_getEndpoints()).isEqualTo(adapter.endpoints());
            assertThat(adapter.createIndirectProxy(Identity.of("calc")).ice_toString()).isEqualTo("calc -t -e 1.1");
        }
    }

    @Test
    void anAdapterLocatorOverridesTheDefaultAndPublishedEndpointsAreWhatIsRegistered() {
        try (Communicator server = Communicator.initialize("--Calc.Endpoints=tcp -h 127.0.0.1 -p 0",
                "--Calc.AdapterId=CalcAdapter", "--Calc.Locator=" + locator.proxyString(),
                "--Calc.PublishedEndpoints=tcp -h calc.example.com -p 4000:tcp -h 10.0.0.7 -p 4001")) {
            ObjectAdapter adapter = server.createObjectAdapter("Calc");
            adapter.activate();

            assertThat(locator.registrations()).singleElement().satisfies(r ->
                    assertThat(r.proxy().ice_getEndpoints()).containsExactly(
                            "tcp -h calc.example.com -p 4000 -t 60000", "tcp -h 10.0.0.7 -p 4001 -t 60000"));
        }
    }

    @Test
    void anAdapterIdTheRegistryDoesNotKnowIsNotRegisteredAndActivateMayBeCalledAgain() throws Exception {
        locator.failRegistrationOf("CalcAdapter", ADAPTER_NOT_FOUND);
        try (Communicator server = server("--Calc.AdapterId=CalcAdapter");
             Communicator client = Communicator.initialize("--Ice.Default.Locator=" + locator.proxyString())) {
            ObjectAdapter adapter = server.createObjectAdapter("Calc");
            adapter.add(new StubCalculator(), Identity.of("calc"));

            assertThatThrownBy(adapter::activate).isInstanceOfSatisfying(NotRegisteredException.class, e -> {
                assertThat(e.kindOfObject()).isEqualTo("object adapter");
                assertThat(e.id()).isEqualTo("CalcAdapter");
            });

            locator.acceptRegistrationOf("CalcAdapter");
            adapter.activate();
            assertThat(CalculatorPrx.uncheckedCast(client.stringToProxy("calc@CalcAdapter")).add(1, 1)).isEqualTo(2);
        }
    }

    @Test
    void anAdapterIdAlreadyActiveIsInUseAndAnUnknownReplicaGroupIsNotRegistered() {
        locator.failRegistrationOf("CalcAdapter", ADAPTER_ALREADY_ACTIVE);
        locator.failRegistrationOf("Calcs", INVALID_REPLICA_GROUP_ID);
        try (Communicator inUse = server("--Calc.AdapterId=CalcAdapter");
             Communicator badGroup = server("--Calc.AdapterId=Calc-1", "--Calc.ReplicaGroupId=Calcs")) {
            assertThatThrownBy(inUse.createObjectAdapter("Calc")::activate)
                    .isInstanceOfSatisfying(ObjectAdapterIdInUseException.class,
                            e -> assertThat(e.id()).isEqualTo("CalcAdapter"));
            assertThatThrownBy(badGroup.createObjectAdapter("Calc")::activate)
                    .isInstanceOfSatisfying(NotRegisteredException.class, e -> {
                        assertThat(e.kindOfObject()).isEqualTo("replica group");
                        assertThat(e.id()).isEqualTo("Calcs");
                    });
        }
    }

    @Test
    void aLocatorWithoutRegistryRegistersNothingAndActivateSucceeds() {
        locator.withoutRegistry();
        try (Communicator server = server("--Calc.AdapterId=CalcAdapter")) {
            server.createObjectAdapter("Calc").activate();

            assertThat(locator.registrations()).isEmpty();
        }
    }

    @Test
    void aLocatorThatCannotBeReachedFailsActivateWithWhy() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (Communicator server = Communicator.initialize("--Calc.Endpoints=tcp -h 127.0.0.1 -p 0",
                "--Calc.AdapterId=CalcAdapter", "--Ice.Default.Locator=Grid/Locator:tcp -h 127.0.0.1 -p " + closed)) {
            assertThatThrownBy(server.createObjectAdapter("Calc")::activate)
                    .isInstanceOf(ConnectionRefusedException.class);
        }
    }

    @Test
    void anIndirectProxyOfAnAdapterInTheSameCommunicatorIsCalledCollocatedWithoutTheLocator() throws Exception {
        try (Communicator both = server("--Calc.AdapterId=CalcAdapter")) {
            ObjectAdapter adapter = both.createObjectAdapter("Calc");
            adapter.add(new StubCalculator(), Identity.of("calc"));
            adapter.activate();

            assertThat(CalculatorPrx.uncheckedCast(both.stringToProxy("calc@CalcAdapter")).add(1, 2)).isEqualTo(3);
            assertThat(CalculatorPrx.uncheckedCast(both.stringToProxy("calc")).add(2, 2)).isEqualTo(4);
            assertThat(locator.adapterRequests()).isZero();
            assertThat(locator.objectRequests()).isZero();
        }
    }
}
