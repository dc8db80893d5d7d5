package io.floe.internal.locator;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Identity;
import io.floe.internal.endpoint.Endpoint;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.internal.proxy.ProxyReference;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The locator cache on a clock the test moves: -1 keeps answers forever, 0 never reads them, N seconds ages them. */
@Timeout(10)
class LocatorCacheTest {
    private static final List<Endpoint> ENDPOINTS = List.of(new TcpEndpoint("10.0.0.1", 4000, 60_000, false));
    private static Communicator communicator;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LocatorCache cache = new LocatorCache(now::get);

    @BeforeAll
    static void start() {
        communicator = Communicator.initialize();
    }

    @AfterAll
    static void stop() {
        communicator.destroy();
    }

    private void advanceSeconds(double seconds) {
        now.addAndGet((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
    }

    private static ProxyReference reference(String proxy) {
        return (ProxyReference) communicator.stringToProxy(proxy).ice_reference();
    }

    @Test
    void minusOneKeepsAnAnswerForever() {
        cache.putAdapterEndpoints("A", ENDPOINTS);
        advanceSeconds(365 * 24 * 3600);

        assertThat(cache.adapterEndpoints("A", -1)).isEqualTo(ENDPOINTS);
    }

    @Test
    void zeroNeverReadsTheCache() {
        cache.putAdapterEndpoints("A", ENDPOINTS);

        assertThat(cache.adapterEndpoints("A", 0)).isNull();
        assertThat(cache.adapterEndpoints("A", -1)).isEqualTo(ENDPOINTS); // but the answer was kept
    }

    @Test
    void anAnswerIsUsableUpToItsTimeoutInclusiveAndNotAfter() {
        cache.putAdapterEndpoints("A", ENDPOINTS);

        advanceSeconds(10);
        assertThat(cache.adapterEndpoints("A", 10)).isEqualTo(ENDPOINTS);
        advanceSeconds(0.001);
        assertThat(cache.adapterEndpoints("A", 10)).isNull();
        assertThat(cache.adapterEndpoints("A", 11)).isEqualTo(ENDPOINTS); // each reader has its own timeout
    }

    @Test
    void aNewAnswerRestartsTheClockAndRemovingForgets() {
        cache.putAdapterEndpoints("A", ENDPOINTS);
        advanceSeconds(8);
        cache.putAdapterEndpoints("A", ENDPOINTS);
        advanceSeconds(8);

        assertThat(cache.adapterEndpoints("A", 10)).isEqualTo(ENDPOINTS);
        assertThat(cache.removeAdapterEndpoints("A")).isEqualTo(ENDPOINTS);
        assertThat(cache.adapterEndpoints("A", -1)).isNull();
        assertThat(cache.removeAdapterEndpoints("A")).isNull();
    }

    @Test
    void wellKnownObjectsAgeLikeAdapters() {
        ProxyReference target = reference("calc @ CalcAdapter");
        cache.putObjectReference(Identity.of("calc"), target);

        assertThat(cache.objectReference(Identity.of("calc"), 5)).isEqualTo(target);
        assertThat(cache.objectReference(Identity.of("other"), -1)).isNull();
        advanceSeconds(6);
        assertThat(cache.objectReference(Identity.of("calc"), 5)).isNull();
        assertThat(cache.objectReference(Identity.of("calc"), 0)).isNull();
        assertThat(cache.removeObjectReference(Identity.of("calc"))).isEqualTo(target);
    }

    @Test
    void adapterIdsAndIdentitiesAreSeparateKeys() {
        cache.putAdapterEndpoints("calc", ENDPOINTS);

        assertThat(cache.objectReference(Identity.of("calc"), -1)).isNull();
    }
}
