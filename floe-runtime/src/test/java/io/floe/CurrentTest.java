package io.floe;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.encoding.UserExceptionFactory;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.LoopbackServer;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every field of Current, as a servant sees it. */
@Timeout(30)
class CurrentTest {
    @RegisterExtension
    static final LoopbackServer server = LoopbackServer.with();

    static final BlockingQueue<Current> seen = new LinkedBlockingQueue<>();
    static final Identity ALICE = new Identity("alice", "people");

    @BeforeAll
    static void addServant() {
        StubCalculator recording = new StubCalculator() {
            @Override
            public int add(int a, int b, Current current) {
                seen.add(current);
                return a + b;
            }

            @Override
            public void fail(String kind, Current current) {
                seen.add(current);
            }
        };
        server.adapter().addFacet(recording, ALICE, "admin");
        server.adapter().add(recording, ALICE);
    }

    static CalculatorPrx alice(String options) {
        return server.proxy("people/alice" + options, CalculatorPrx::uncheckedCast);
    }

    static Current next() throws InterruptedException {
        Current current = seen.poll(10, TimeUnit.SECONDS);
        assertThat(current).as("a dispatched request").isNotNull();
        return current;
    }

    @Test
    void aTwowayCallCarriesItsAdapterIdentityFacetOperationModeRequestIdAndEncoding() throws Exception {
        seen.clear();
        assertThat(alice(" -f admin").add(1, 2)).isEqualTo(3);
        Current current = next();

        assertThat(current.adapter()).isSameAs(server.adapter());
        assertThat(current.id()).isEqualTo(ALICE);
        assertThat(current.facet()).isEqualTo("admin");
        assertThat(current.operation()).isEqualTo("add");
        assertThat(current.mode()).isEqualTo(OperationMode.IDEMPOTENT);
        assertThat(current.ctx()).isEmpty();
        assertThat(current.requestId()).isPositive();
        assertThat(current.encoding()).isEqualTo(EncodingVersion.V1_1);
    }

    @Test
    void theConnectionInfoNamesBothEndsOfTheTcpConnection() throws Exception {
        seen.clear();
        alice("").add(1, 1);
        ConnectionInfo info = next().connection();

        int serverPort = Integer.parseInt(server.endpoint().replaceAll(".*-p (\\d+).*", "$1"));
        assertThat(info.localAddress()).isEqualTo("127.0.0.1");
        assertThat(info.localPort()).isEqualTo(serverPort);
        assertThat(info.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(info.remotePort()).isPositive().isNotEqualTo(serverPort);
    }

    @Test
    void requestIdsGrowOnAConnectionAndAOnewayHasNone() throws Exception {
        seen.clear();
        alice("").add(1, 1);
        int first = next().requestId();
        alice("").add(1, 1);
        assertThat(next().requestId()).isGreaterThan(first);

        assertThat(alice(" -o").failAsync("ignored")).succeedsWithin(Duration.ofSeconds(10));
        assertThat(next().requestId()).isZero();
    }

    @Test
    void theProxysContextArrivesAndAContextPassedToTheCallReplacesIt() throws Exception {
        seen.clear();
        CalculatorPrx withContext = CalculatorPrx.uncheckedCast(alice("").ice_context(Map.of("user", "bob", "trace", "7")));
        withContext.add(1, 1);
        assertThat(next().ctx()).isEqualTo(Map.of("user", "bob", "trace", "7"));

        CompletableFuture<Integer> call = withContext.ice_reference().invoke("add", OperationMode.IDEMPOTENT, null,
                out -> {
                    out.writeInt(1);
                    out.writeInt(1);
                }, in -> in.readInt(), UserExceptionFactory.NONE, Map.of("only", "this call"));
        assertThat(call).succeedsWithin(Duration.ofSeconds(10));
        assertThat(next().ctx()).isEqualTo(Map.of("only", "this call"));
    }

    @Test
    void theModeIsTheOneTheCallerSent() throws Exception {
        seen.clear();
        CompletableFuture<Integer> call = alice("").ice_reference().invoke("add", OperationMode.NONMUTATING, null,
                out -> {
                    out.writeInt(1);
                    out.writeInt(1);
                }, in -> in.readInt(), UserExceptionFactory.NONE, null);
        assertThat(call).succeedsWithin(Duration.ofSeconds(10));
        assertThat(next().mode()).isEqualTo(OperationMode.NONMUTATING);
        alice("").failAsync("none").get(10, TimeUnit.SECONDS);
        assertThat(next().mode()).isEqualTo(OperationMode.NORMAL);
    }

    @Test
    void theEncodingIsTheOneOfTheRequestsParameters() throws Exception {
        seen.clear();
        alice(" -e 1.0").add(1, 1);
        assertThat(next().encoding()).isEqualTo(EncodingVersion.V1_0);
    }

    @Test
    void aCollocatedCallHasNoConnectionAndTheSameOtherFields() throws Exception {
        seen.clear();
        CalculatorPrx collocated = CalculatorPrx.uncheckedCast(server.serverCommunicator()
                .stringToProxy("people/alice -f admin:" + server.endpoint()).ice_context(Map.of("k", "v")));
        collocated.add(1, 1);
        Current current = next();
        assertThat(current.connection()).isNull();
        assertThat(current.adapter()).isSameAs(server.adapter());
        assertThat(current.id()).isEqualTo(ALICE);
        assertThat(current.facet()).isEqualTo("admin");
        assertThat(current.operation()).isEqualTo("add");
        assertThat(current.mode()).isEqualTo(OperationMode.IDEMPOTENT);
        assertThat(current.ctx()).isEqualTo(Map.of("k", "v"));
        assertThat(current.requestId()).isPositive();
        assertThat(current.encoding()).isEqualTo(EncodingVersion.V1_1);
    }
}
