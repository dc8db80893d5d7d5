package io.floe;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a client's pending calls see when its communicator is destroyed under them. */
@Timeout(30)
class CommunicatorDestroyTest {
    @Test
    void destroyingTheClientCommunicatorFailsACallThatIsStillWaitingForItsReply() throws Exception {
        BlockingQueue<Calculator.AddLaterCallback> parked = new LinkedBlockingQueue<>();
        try (Communicator server = Communicator.initialize()) {
            ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Destroy", "tcp -h 127.0.0.1 -p 0");
            adapter.add(new Calculator() {
                @Override
                public int add(int a, int b, Current current) {
                    return a + b;
                }

                @Override
                public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
                    parked.add(cb);
                }

                @Override
                public void fail(String kind, Current current) {
                }
            }, Identity.of("calc"));
            adapter.activate();
            Communicator client = Communicator.initialize();
            CalculatorPrx calc = CalculatorPrx.uncheckedCast(
                    client.stringToProxy("calc:" + adapter.endpoints().get(0)));
            CompletableFuture<Integer> pending = calc.addLaterAsync(1, 2);
            assertThat(parked.poll(10, TimeUnit.SECONDS)).isNotNull();

            CompletableFuture.runAsync(client::destroy);

            assertThat(pending).failsWithin(Duration.ofSeconds(10))
                    .withThrowableThat().withCauseInstanceOf(LocalException.class);
        }
    }
}
