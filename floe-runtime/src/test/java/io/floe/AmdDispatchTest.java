package io.floe;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.LogCapture;
import io.floe.testing.LoopbackServer;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exception rules of AMD (ice-protocol.md §4.7), one dispatch thread. */
@Timeout(60)
class AmdDispatchTest {
    @RegisterExtension
    static final LoopbackServer server = LoopbackServer.with("Ice.ThreadPool.Server.Size", "1");

    /** Keeps every callback until the test answers it. */
    static final class ParkingCalculator extends StubCalculator {
        final BlockingQueue<AddLaterCallback> parked = new LinkedBlockingQueue<>();
        final List<Thread> dispatchThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
            dispatchThreads.add(Thread.currentThread());
            parked.add(cb);
        }

        AddLaterCallback next() throws InterruptedException {
            AddLaterCallback cb = parked.poll(10, TimeUnit.SECONDS);
            assertThat(cb).as("a parked callback").isNotNull();
            return cb;
        }
    }

    @Test
    void oneDispatchThreadHoldsTwoHundredPendingAmdRequestsAnsweredFromOtherThreads() throws Exception {
        ParkingCalculator servant = server.add("parking", new ParkingCalculator());
        CalculatorPrx calc = server.proxy("parking", CalculatorPrx::uncheckedCast);

        List<CompletableFuture<Integer>> replies = IntStream.range(0, 200).<CompletableFuture<Integer>>mapToObj(i -> calc.addLaterAsync(i, 1)).toList();
        List<Calculator.AddLaterCallback> callbacks = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            callbacks.add(servant.next());
        }
        assertThat(replies).noneMatch(CompletableFuture::isDone);
        assertThat(servant.dispatchThreads.stream().distinct()).hasSize(1);

        // Answer in reverse order, each from a thread of its own.
        for (int i = 199; i >= 0; i--) {
            int value = i;
            Thread answering = new Thread(() -> callbacks.get(value).ice_response(value));
            answering.start();
        }
        assertThat(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)))
                .succeedsWithin(Duration.ofSeconds(10));
        assertThat(replies.get(0).join()).isEqualTo(0);
        assertThat(replies.get(199).join()).isEqualTo(199);
    }

    @Test
    void aSecondCompletionIsIgnoredAndLoggedAndNeverThrows() throws Exception {
        ParkingCalculator servant = server.add("twice", new ParkingCalculator());
        CalculatorPrx calc = server.proxy("twice", CalculatorPrx::uncheckedCast);
        CompletableFuture<Integer> reply = calc.addLaterAsync(1, 1);
        Calculator.AddLaterCallback cb = servant.next();
        try (LogCapture log = new LogCapture()) {
            cb.ice_response(2);
            assertThatCode(() -> {
                cb.ice_response(3);
                cb.ice_exception(new Calculator.Overflow(1));
            }).doesNotThrowAnyException();
            assertThat(reply).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(2);
            assertThat(log.text()).contains("ignored ice_response").contains("ignored ice_exception")
                    .contains("already answered");
        }
    }

    @Test
    void ice_exceptionWithADeclaredExceptionReachesTheClientAsIs() throws Exception {
        ParkingCalculator servant = server.add("declared", new ParkingCalculator());
        CalculatorPrx calc = server.proxy("declared", CalculatorPrx::uncheckedCast);
        CompletableFuture<Integer> reply = calc.addLaterAsync(1, 1);
        servant.next().ice_exception(new Calculator.Overflow(9));
        Throwable thrown = failureOf(reply);
        assertThat(thrown).isInstanceOf(Calculator.Overflow.class);
        assertThat(((Calculator.Overflow) thrown).limit).isEqualTo(9);
    }

    @Test
    void ice_exceptionWithAnUndeclaredUserExceptionIsUnknownUserExceptionAtTheClient() throws Exception {
        ParkingCalculator servant = server.add("undeclared", new ParkingCalculator());
        CalculatorPrx calc = server.proxy("undeclared", CalculatorPrx::uncheckedCast);
        CompletableFuture<Integer> reply = calc.addLaterAsync(1, 1);
        servant.next().ice_exception(new Calculator.Undeclared());
        assertThat(failureOf(reply)).isInstanceOf(UnknownUserException.class).hasMessage("::Test::Undeclared");
    }

    @Test
    void ice_exceptionWithLocalAndPlainExceptionsIsTranslatedLikeASynchronousDispatch() throws Exception {
        ParkingCalculator servant = server.add("translated", new ParkingCalculator());
        CalculatorPrx calc = server.proxy("translated", CalculatorPrx::uncheckedCast);
        CompletableFuture<Integer> local = calc.addLaterAsync(1, 1);
        servant.next().ice_exception(new TimeoutException("late"));
        CompletableFuture<Integer> plain = calc.addLaterAsync(1, 1);
        servant.next().ice_exception(new IllegalArgumentException("bad"));
        CompletableFuture<Integer> notThere = calc.addLaterAsync(1, 1);
        servant.next().ice_exception(new ObjectNotExistException());

        assertThat(failureOf(local)).isInstanceOf(UnknownLocalException.class).hasMessageContaining("late");
        assertThat(failureOf(plain)).isExactlyInstanceOf(UnknownException.class).hasMessageContaining("bad");
        assertThat(failureOf(notThere)).isInstanceOf(ObjectNotExistException.class);
        assertThat(((ObjectNotExistException) failureOf(notThere)).id()).isEqualTo(Identity.of("translated"));
    }

    @Test
    void raisingFromTheDispatchThreadBeforeAnsweringIsTheReply() {
        server.add("raisesFirst", new StubCalculator() {
            @Override
            public void addLater_async(AddLaterCallback cb, int a, int b, Current current) throws Overflow {
                throw new Overflow(a);
            }
        });
        CalculatorPrx calc = server.proxy("raisesFirst", CalculatorPrx::uncheckedCast);
        Throwable thrown = failureOf(calc.addLaterAsync(5, 0));
        assertThat(thrown).isInstanceOf(Calculator.Overflow.class);
        assertThat(((Calculator.Overflow) thrown).limit).isEqualTo(5);
    }

    @Test
    void raisingFromTheDispatchThreadAfterAnsweringIsLoggedAndNotSent() {
        server.add("raisesAfter", new StubCalculator() {
            @Override
            public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
                cb.ice_response(a + b);
                throw new IllegalStateException("after the answer");
            }
        });
        CalculatorPrx calc = server.proxy("raisesAfter", CalculatorPrx::uncheckedCast);
        try (LogCapture log = new LogCapture()) {
            assertThat(calc.addLaterAsync(2, 2)).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4);
            // The warning is written after the reply; wait for it, bounded.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!log.text().contains("after the answer") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(log.text()).contains("raised after it was answered").contains("after the answer");
        }
    }

    @Test
    void answeringAfterTheClientIsGoneNeverThrows() throws Exception {
        ParkingCalculator servant = server.add("gone", new ParkingCalculator());
        Communicator other = Communicator.initialize();
        CalculatorPrx calc = CalculatorPrx.uncheckedCast(other.stringToProxy("gone:" + server.endpoint()));
        calc.addLaterAsync(1, 1);
        Calculator.AddLaterCallback cb = servant.next();
        other.destroy();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread answering = new Thread(() -> {
            try {
                cb.ice_response(2);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        answering.start();
        answering.join(10_000);
        assertThat(thrown.get()).isNull();
    }

    @Test
    void resultsThatCannotBeEncodedAreAnUnknownLocalExceptionAtTheClient() {
        server.add("badResults", new Servant() {
            @Override
            public void _dispatch(IncomingRequest request) {
                request.readEmptyParams();
                request.startAsync().succeed(out -> out.writeSize(-1));
            }
        });
        CompletableFuture<Integer> call = server.proxy("badResults", p -> p).ice_reference().invoke("any",
                OperationMode.NORMAL, null, null, in -> in.readInt(), null, null);
        assertThat(failureOf(call)).isInstanceOf(UnknownLocalException.class)
                .hasMessageContaining("cannot encode the results");
    }
}
