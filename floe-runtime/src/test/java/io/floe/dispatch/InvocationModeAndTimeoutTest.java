package io.floe.dispatch;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Current;
import io.floe.FeatureNotSupportedException;
import io.floe.InvocationTimeoutException;
import io.floe.ObjectPrx;
import io.floe.TwowayOnlyException;
import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Oneway and twoway proxies, and invocation timeouts (ice-protocol.md §2.8, §5.5). */
@Timeout(30)
class InvocationModeAndTimeoutTest {
    @Test
    void aTwowayCallWithoutAReplyWithinItsInvocationTimeoutFailsAndTheConnectionStaysUsable() throws Exception {
        AmdGuaranteesTest.ParkingCalculator servant = new AmdGuaranteesTest.ParkingCalculator();
        try (AmdGuaranteesTest.Pair pair = AmdGuaranteesTest.Pair.serving(servant)) {
            CalculatorPrx impatient = CalculatorPrx.uncheckedCast(pair.calc().ice_invocationTimeout(200));
            assertThat(impatient.ice_getInvocationTimeout()).isEqualTo(200);
            CompletableFuture<Integer> call = impatient.addLaterAsync(1, 2);
            CompletableFuture<String> completedOn = call.handle((v, e) -> Thread.currentThread().getName());
            Calculator.AddLaterCallback late = servant.next();

            // Waited for first: a thread blocked in call.get() may run call's dependents itself.
            assertThat(completedOn.get(5, java.util.concurrent.TimeUnit.SECONDS)).as("not the timer's thread")
                    .startsWith("floe-client-");
            assertThat(failureOf(call)).isInstanceOf(InvocationTimeoutException.class)
                    .hasMessageContaining("addLater").hasMessageContaining("200 ms");

            late.ice_response(3); // the late reply is dropped, the connection kept
            assertThat(impatient.add(2, 2)).isEqualTo(4);
        }
    }

    @Test
    void theDefaultInvocationTimeoutComesFromIceDefaultInvocationTimeout() throws Exception {
        try (Communicator client = Communicator.initialize("--Ice.Default.InvocationTimeout=1500")) {
            ObjectPrx proxy = client.stringToProxy("calc:tcp -h 127.0.0.1 -p 1");
            assertThat(proxy.ice_getInvocationTimeout()).isEqualTo(1500);
            assertThat(proxy.ice_invocationTimeout(-1).ice_getInvocationTimeout()).isEqualTo(-1);
        }
    }

    @Test
    void aOnewayCallCompletesWhenSentAndTheServantStillRunsIt() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        StubCalculator recording = new StubCalculator() {
            @Override
            public void fail(String kind, Current current) {
                ran.add(kind + " as request " + current.requestId());
            }
        };
        try (AmdGuaranteesTest.Pair pair = AmdGuaranteesTest.Pair.serving(recording)) {
            CalculatorPrx oneway = CalculatorPrx.uncheckedCast(pair.calc().ice_oneway());
            assertThat(oneway.ice_isOneway()).isTrue();
            assertThat(oneway.ice_toString()).contains(" -o ");

            assertThat(oneway.failAsync("nothing")).succeedsWithin(Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ran.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ran).containsExactly("nothing as request 0");
            assertThat(CalculatorPrx.uncheckedCast(oneway.ice_twoway()).ice_isTwoway()).isTrue();
        }
    }

    @Test
    void aOnewayCallOfAnOperationWithResultsIsRefusedLocally() throws Exception {
        try (AmdGuaranteesTest.Pair pair = AmdGuaranteesTest.Pair.serving(new StubCalculator())) {
            CalculatorPrx oneway = CalculatorPrx.uncheckedCast(pair.calc().ice_oneway());
            assertThat(failureOf(oneway.addAsync(1, 2))).isInstanceOf(TwowayOnlyException.class);
        }
    }

    @Test
    void datagramProxiesSayTheyAreNotSupported() throws Exception {
        // Batch oneway (-O) is supported now: see BatchOnewayTest.
        try (Communicator client = Communicator.initialize()) {
            ObjectPrx datagram = client.stringToProxy("calc -D:tcp -h 127.0.0.1 -p 1");
            assertThat(failureOf(datagram.ice_pingAsync())).isInstanceOf(FeatureNotSupportedException.class)
                    .hasMessageContaining("BATCH_DATAGRAM invocations are not supported yet");
        }
    }
}
