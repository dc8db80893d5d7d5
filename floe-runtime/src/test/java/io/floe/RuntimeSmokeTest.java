package io.floe;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RuntimeSmokeTest {
    @Test
    void aClientCallsASynchronousAndAnAmdOperationOverLoopback() throws Exception {
        try (Communicator communicator = Communicator.initialize()) {
            ObjectAdapter adapter = communicator.createObjectAdapterWithEndpoints("Test", "tcp -h 127.0.0.1 -p 0");
            adapter.add(new Calculator() {
                @Override
                public int add(int a, int b, Current current) {
                    return a + b;
                }

                @Override
                public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
                    new Thread(() -> cb.ice_response(a + b)).start();
                }

                @Override
                public void fail(String kind, Current current) {
                }
            }, Identity.of("calc"));
            adapter.activate();
            CalculatorPrx calc = CalculatorPrx.uncheckedCast(
                    communicator.stringToProxy("calc:" + adapter.endpoints().get(0)));
            calc.ice_ping();
            assertThat(calc.add(2, 3)).isEqualTo(5);
            assertThat(calc.addLaterAsync(4, 5)).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(9);
            assertThat(calc.ice_ids()).containsExactly("::Ice::Object", "::Test::Calculator");
        }
    }
}
