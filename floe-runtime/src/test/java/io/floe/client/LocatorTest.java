package io.floe.client;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.ConnectionRefusedException;
import io.floe.Identity;
import io.floe.NoEndpointException;
import io.floe.NotRegisteredException;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.StubCalculator;
import io.floe.testing.TestLocator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Indirect proxies resolved through a locator (a Floe servant of ::Ice::Locator standing in for
 * IceGrid): adapter ids and well-known objects, the locator cache and its timeout, Ice's
 * exceptions, one shared request for concurrent resolutions, and a server that moves.
 */
@Timeout(60)
class LocatorTest {
    private TestLocator locator;
    private Communicator server;
    private Communicator client;

    @BeforeEach
    void start() {
        locator = new TestLocator();
        server = Communicator.initialize();
        client = Communicator.initialize("--Ice.Default.Locator=" + locator.proxyString());
    }

    @AfterEach
    void stop() {
        client.destroy();
        server.destroy();
        locator.close();
    }

    /** A calculator on a new adapter of the server communicator; returns its direct proxy. */
    private ObjectPrx serve(String adapterName) {
        ObjectAdapter adapter = server.createObjectAdapterWithEndpoints(adapterName, "tcp -h 127.0.0.1 -p 0");
        ObjectPrx direct = adapter.add(new StubCalculator(), Identity.of("calc"));
        adapter.activate();
        return direct;
    }

    private CalculatorPrx calculator(String proxy) {
        return CalculatorPrx.uncheckedCast(client.stringToProxy(proxy));
    }

    @Test
    void anAdapterIdIsResolvedOnceAndThenFromTheCache() throws Exception {
        locator.setAdapter("Calc", serve("A"));

        assertThat(calculator("calc@Calc").add(2, 3)).isEqualTo(5);
        assertThat(calculator("calc@Calc").add(4, 3)).isEqualTo(7); // a new proxy: the cache answers

        assertThat(locator.adapterRequests()).isEqualTo(1);
        assertThat(locator.objectRequests()).isZero();
    }

    @Test
    void aWellKnownObjectIsFoundByItsIdentity() throws Exception {
        locator.setObject(Identity.of("calc"), serve("A"));

        assertThat(calculator("calc").add(1, 1)).isEqualTo(2);
        assertThat(calculator("calc").add(1, 2)).isEqualTo(3);

        assertThat(locator.objectRequests()).isEqualTo(1);
        assertThat(locator.adapterRequests()).isZero();
    }

    @Test
    void aWellKnownObjectBehindAnAdapterResolvesBoth() throws Exception {
        ObjectPrx direct = serve("A");
        locator.setAdapter("Calc", direct);
        locator.setObject(Identity.of("calc"), client.stringToProxy("calc @ Calc"));

        assertThat(calculator("calc").add(2, 2)).isEqualTo(4);
        assertThat(calculator("calc").add(2, 2)).isEqualTo(4);

        assertThat(locator.objectRequests()).isEqualTo(1);
        assertThat(locator.adapterRequests()).isEqualTo(1);
    }

    @Test
    void anUnknownAdapterOrObjectIsNotRegisteredAsIceSaysAndAskedTwiceWithTheDefaultRetry() {
        Throwable adapter = failureOf(calculator("calc@Nowhere").addAsync(1, 1));
        Throwable object = failureOf(calculator("cat/nobody").addAsync(1, 1));

        assertThat(adapter).isInstanceOf(NotRegisteredException.class);
        assertThat(((NotRegisteredException) adapter).kindOfObject()).isEqualTo("object adapter");
        assertThat(((NotRegisteredException) adapter).id()).isEqualTo("Nowhere");
        assertThat(object).isInstanceOf(NotRegisteredException.class);
        assertThat(((NotRegisteredException) object).kindOfObject()).isEqualTo("object");
        assertThat(((NotRegisteredException) object).id()).isEqualTo("cat/nobody");
        // Ice.RetryIntervals=0 retries once, as Ice 3.7 does (checked with Python Ice: 2 requests each).
        assertThat(locator.adapterRequests()).isEqualTo(2);
        assertThat(locator.objectRequests()).isEqualTo(2);
    }

    @Test
    void setDefaultLocatorGivesTheLocatorToProxiesMadeAfterwards() throws Exception {
        locator.setAdapter("Calc", serve("A"));
        try (Communicator late = Communicator.initialize()) {
            ObjectPrx before = late.stringToProxy("calc@Calc");
            late.setDefaultLocator(late.stringToProxy(locator.proxyString()));

            assertThat(late.getDefaultLocator().ice_toString()).isEqualTo(locator.proxyString());
            assertThat(before.ice_getLocator()).isNull();
            assertThat(failureOf(before.ice_pingAsync())).isInstanceOf(NoEndpointException.class);
            assertThat(CalculatorPrx.uncheckedCast(late.stringToProxy("calc@Calc")).add(1, 2)).isEqualTo(3);
        }
    }

    @Test
    void aKnownAdapterThatIsNotActiveHasNoEndpoint() {
        locator.setInactiveAdapter("Idle");

        assertThat(failureOf(calculator("calc@Idle").addAsync(1, 1))).isInstanceOf(NoEndpointException.class)
                .hasMessageContaining("calc -t -e 1.1 @ Idle");
        assertThat(locator.adapterRequests()).isEqualTo(2); // retried once, as Python Ice does
    }

    @Test
    void aLocatorThatCannotBeReachedFailsTheCallWithWhyAndNoRetriesMakeItOneAttempt() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (Communicator lost = Communicator.initialize("--Ice.RetryIntervals=-1",
                "--Ice.Default.Locator=Test/Locator:tcp -h 127.0.0.1 -p " + closed)) {
            CompletableFuture<Void> ping = lost.stringToProxy("calc@Calc").ice_pingAsync();

            assertThat(failureOf(ping)).isInstanceOf(ConnectionRefusedException.class);
        }
    }

    @Test
    void cacheTimeoutZeroAsksTheLocatorForEveryNewConnectionAndMinusOneNever() throws Exception {
        locator.setAdapter("Calc", serve("A"));

        for (int i = 0; i < 3; i++) {
            calculator("calc@Calc").ice_locatorCacheTimeout(0).ice_ping();
        }
        int uncached = locator.adapterRequests();
        for (int i = 0; i < 3; i++) {
            calculator("calc@Calc").ice_ping();
        }

        assertThat(uncached).isEqualTo(3);
        assertThat(locator.adapterRequests()).isEqualTo(3); // the last uncached answer went to the cache
    }

    @Test
    void aProxyKeepsItsConnectionWithoutAskingTheLocatorEvenWithoutACache() throws Exception {
        locator.setAdapter("Calc", serve("A"));
        CalculatorPrx uncached = CalculatorPrx.uncheckedCast(calculator("calc@Calc").ice_locatorCacheTimeout(0));

        for (int i = 0; i < 5; i++) {
            uncached.ice_ping();
        }

        assertThat(locator.adapterRequests()).isEqualTo(1);
    }

    @Test
    void anAnswerOlderThanTheCacheTimeoutIsAskedForAgain() throws Exception {
        locator.setAdapter("Calc", serve("A"));

        calculator("calc@Calc").ice_locatorCacheTimeout(1).ice_ping();
        calculator("calc@Calc").ice_locatorCacheTimeout(1).ice_ping();
        int young = locator.adapterRequests();
        TimeUnit.MILLISECONDS.sleep(1_200); // let the one-second answer age; no synchronisation involved
        calculator("calc@Calc").ice_locatorCacheTimeout(1).ice_ping();

        assertThat(young).isEqualTo(1);
        assertThat(locator.adapterRequests()).isEqualTo(2);
    }

    @Test
    void concurrentResolutionsOfOneIdShareOneLocatorRequest() throws Exception {
        locator.setAdapter("Calc", serve("A"));
        locator.setAdapter("Other", serve("B"));
        locator.hold();

        List<CompletableFuture<Integer>> calls = IntStream.range(0, 20)
                .mapToObj(i -> (CompletableFuture<Integer>) calculator("calc@Calc").addAsync(i, 1)).toList();
        CompletableFuture<Integer> other = calculator("calc@Other").addAsync(1, 1);
        locator.awaitHeld(2, Duration.ofSeconds(10));
        locator.release();

        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i + 1);
        }
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(locator.adapterRequests()).isEqualTo(2);
    }

    @Test
    void aServerThatMovedIsFoundAgainThroughTheLocator() throws Exception {
        Communicator first = Communicator.initialize();
        ObjectAdapter old = first.createObjectAdapterWithEndpoints("A", "tcp -h 127.0.0.1 -p 0");
        locator.setAdapter("Calc", old.add(new StubCalculator(), Identity.of("calc")));
        old.activate();
        CalculatorPrx calc = calculator("calc@Calc");
        assertThat(calc.add(1, 2)).isEqualTo(3);

        first.destroy(); // the server goes away...
        locator.setAdapter("Calc", serve("B")); // ...and comes back on another port

        assertThat(calc.add(2, 2)).isEqualTo(4); // the same proxy
        assertThat(calculator("calc@Calc").add(3, 2)).isEqualTo(5);
        // The cached endpoints were refused, dropped, and the locator asked again, without a retry.
        assertThat(locator.adapterRequests()).isEqualTo(2);
    }

    @Test
    void aWellKnownObjectThatMovedIsFoundAgainToo() throws Exception {
        Communicator first = Communicator.initialize();
        ObjectAdapter old = first.createObjectAdapterWithEndpoints("A", "tcp -h 127.0.0.1 -p 0");
        locator.setObject(Identity.of("calc"), old.add(new StubCalculator(), Identity.of("calc")));
        old.activate();
        assertThat(calculator("calc").add(1, 2)).isEqualTo(3);

        first.destroy();
        locator.setObject(Identity.of("calc"), serve("B"));

        assertThat(calculator("calc").add(2, 2)).isEqualTo(4);
        assertThat(locator.objectRequests()).isEqualTo(2);
    }
}
