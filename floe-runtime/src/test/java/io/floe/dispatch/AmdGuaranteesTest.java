package io.floe.dispatch;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.floe.AMDCallback;
import io.floe.Communicator;
import io.floe.Current;
import io.floe.DispatchOutcome;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import io.floe.TimeoutException;
import io.floe.UnknownException;
import io.floe.UnknownLocalException;
import io.floe.protocol.ReplyStatus;
import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The AMD guarantees beyond the exception rules: dropped callbacks, deadlines, cancellation, the bridge. */
@Timeout(60)
class AmdGuaranteesTest {
    /** Keeps every callback until the test answers it. */
    static final class ParkingCalculator extends StubCalculator {
        final BlockingQueue<AddLaterCallback> parked = new LinkedBlockingQueue<>();

        @Override
        public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
            parked.add(cb);
        }

        AddLaterCallback next() throws InterruptedException {
            AddLaterCallback cb = parked.poll(20, TimeUnit.SECONDS);
            assertThat(cb).as("a parked callback").isNotNull();
            return cb;
        }
    }

    /** A server communicator with {@code properties} serving {@code servant} as "calc", and a client. */
    record Pair(Communicator server, Communicator client, CalculatorPrx calc) implements AutoCloseable {
        static Pair serving(Calculator servant, String... properties) {
            Properties p = new Properties();
            for (int i = 0; i + 1 < properties.length; i += 2) {
                p.set(properties[i], properties[i + 1]);
            }
            Communicator server = Communicator.initialize(p);
            Communicator client = Communicator.initialize();
            ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Test", "tcp -h 127.0.0.1 -p 0");
            adapter.add(servant, Identity.of("calc"));
            adapter.activate();
            return new Pair(server, client,
                    CalculatorPrx.uncheckedCast(client.stringToProxy("calc:" + adapter.endpoints().get(0))));
        }

        @Override
        public void close() {
            client.destroy();
            server.destroy();
        }
    }

    /** Serves {@code servant} on a second adapter, "Observed", whose interceptor records every outcome. */
    static CalculatorPrx serveObserved(Pair pair, Calculator servant, BlockingQueue<DispatchOutcome> outcomes) {
        ObjectAdapter adapter = pair.server.createObjectAdapterWithEndpoints("Observed", "tcp -h 127.0.0.1 -p 0");
        adapter.addDispatchInterceptor((request, next) -> {
            request.whenAnswered(outcomes::add);
            next.proceed(request);
        });
        adapter.add(servant, Identity.of("calc"));
        adapter.activate();
        return CalculatorPrx.uncheckedCast(pair.client.stringToProxy("calc:" + adapter.endpoints().get(0)));
    }

    @Test
    void aCallbackDroppedWithoutAnAnswerIsDetectedAndTheClientGetsAnUnknownExceptionNamingTheOperation()
            throws Exception {
        StubCalculator forgetful = new StubCalculator() {
            @Override
            public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
                // Loses the callback: no answer, no reference kept.
            }
        };
        try (Pair pair = Pair.serving(forgetful)) {
            CompletableFuture<Integer> call = pair.calc.addLaterAsync(1, 2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!call.isDone() && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(failureOf(call)).isExactlyInstanceOf(UnknownException.class)
                    .hasMessageContaining("'addLater'").hasMessageContaining("garbage-collected without an answer");
        }
    }

    @Test
    void aCallbackDroppedBehindAnInterceptorIsStillDetectedAndTheInterceptorHearsOfIt() throws Exception {
        StubCalculator forgetful = new StubCalculator() {
            @Override
            public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
            }
        };
        try (Pair pair = Pair.serving(new StubCalculator())) {
            BlockingQueue<DispatchOutcome> outcomes = new LinkedBlockingQueue<>();
            CalculatorPrx observed = serveObserved(pair, forgetful, outcomes);

            CompletableFuture<Integer> call = observed.addLaterAsync(1, 2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!call.isDone() && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(failureOf(call)).hasMessageContaining("garbage-collected without an answer");
            DispatchOutcome outcome = outcomes.poll(10, TimeUnit.SECONDS);
            assertThat(outcome).as("the outcome of the runtime's answer").isNotNull();
            assertThat(outcome.status()).isEqualTo(ReplyStatus.UNKNOWN_EXCEPTION);
        }
    }

    @Test
    void anAmdRequestUnansweredAtItsDeadlineIsAnsweredWithATimeoutAndCancelled() throws Exception {
        ParkingCalculator servant = new ParkingCalculator();
        try (Pair pair = Pair.serving(servant, "Test.DispatchDeadline", "200")) {
            CompletableFuture<Integer> call = pair.calc.addLaterAsync(1, 2);
            Calculator.AddLaterCallback cb = servant.next();
            CountDownLatch cancelled = new CountDownLatch(1);
            cb.onCancel(cancelled::countDown);

            assertThat(failureOf(call)).isInstanceOf(UnknownLocalException.class)
                    .hasMessageContaining("TimeoutException").hasMessageContaining("deadline of 200 ms");
            assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cb.isCancelled()).isTrue();
            assertThatCode(() -> cb.ice_response(3)).doesNotThrowAnyException();
            assertThat(pair.calc.add(2, 2)).as("the connection still serves").isEqualTo(4);
        }
    }

    @Test
    void interceptorsHearOfAnAnswerTheRuntimeGaveInTheServantsPlace() throws Exception {
        ParkingCalculator servant = new ParkingCalculator();
        try (Pair pair = Pair.serving(new StubCalculator(), "Observed.DispatchDeadline", "200")) {
            BlockingQueue<DispatchOutcome> outcomes = new LinkedBlockingQueue<>();
            CalculatorPrx observed = serveObserved(pair, servant, outcomes);

            CompletableFuture<Integer> call = observed.addLaterAsync(1, 2);
            Calculator.AddLaterCallback cb = servant.next();

            assertThat(failureOf(call)).hasMessageContaining("deadline of 200 ms");
            DispatchOutcome outcome = outcomes.poll(10, TimeUnit.SECONDS);
            assertThat(outcome).as("the outcome of the deadline's answer").isNotNull();
            assertThat(outcome.status()).isEqualTo(ReplyStatus.UNKNOWN_LOCAL_EXCEPTION);
            assertThat(outcome.exception()).isInstanceOf(TimeoutException.class);
            assertThat(outcome.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(150));

            cb.ice_response(3); // too late: ignored, and no second outcome
            assertThat(outcomes.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void losingTheConnectionCancelsTheAmdRequestsItWasWaitingFor() throws Exception {
        ParkingCalculator servant = new ParkingCalculator();
        try (Pair pair = Pair.serving(servant)) {
            pair.calc.addLaterAsync(1, 2);
            Calculator.AddLaterCallback cb = servant.next();
            CountDownLatch cancelled = new CountDownLatch(1);
            cb.onCancel(cancelled::countDown);
            assertThat(cb.isCancelled()).isFalse();

            pair.client.destroy();

            assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cb.isCancelled()).isTrue();
            assertThatCode(() -> cb.ice_response(3)).doesNotThrowAnyException();
        }
    }

    @Test
    void aListenerAddedAfterCancellationRunsAtOnce() throws Exception {
        ParkingCalculator servant = new ParkingCalculator();
        try (Pair pair = Pair.serving(servant, "Test.DispatchDeadline", "50")) {
            CompletableFuture<Integer> call = pair.calc.addLaterAsync(1, 2);
            Calculator.AddLaterCallback cb = servant.next();
            failureOf(call);
            CountDownLatch ran = new CountDownLatch(1);
            cb.onCancel(ran::countDown);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aServantAnswersFromACompletionStageThroughTheBridge() throws Exception {
        StubCalculator bridged = new StubCalculator() {
            @Override
            public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
                CompletableFuture<Integer> work = CompletableFuture.supplyAsync(() -> {
                    if (a + b > 100) {
                        throw new java.util.concurrent.CompletionException(new Overflow(100));
                    }
                    return a + b;
                });
                AMDCallback._completeWith(work, cb, cb::ice_response);
            }
        };
        try (Pair pair = Pair.serving(bridged)) {
            assertThat(pair.calc.addLaterAsync(20, 22)).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(42);
            Throwable thrown = failureOf(pair.calc.addLaterAsync(100, 1));
            assertThat(thrown).isInstanceOf(Calculator.Overflow.class);
            assertThat(((Calculator.Overflow) thrown).limit).isEqualTo(100);
        }
    }

    @Test
    void atTheEndOfTheShutdownGracePeriodPendingRequestsAreAnsweredWithAnErrorAndCancelled() throws Exception {
        ParkingCalculator servant = new ParkingCalculator();
        try (Pair pair = Pair.serving(servant, "Test.GracePeriod", "300")) {
            CompletableFuture<Integer> call = pair.calc.addLaterAsync(1, 2);
            Calculator.AddLaterCallback cb = servant.next();
            CountDownLatch cancelled = new CountDownLatch(1);
            cb.onCancel(cancelled::countDown);

            pair.server.shutdown();

            assertThat(failureOf(call)).isInstanceOf(UnknownLocalException.class)
                    .hasMessageContaining("ObjectAdapterDeactivatedException").hasMessageContaining("grace period of 300 ms");
            assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(CompletableFuture.runAsync(pair.server::waitForShutdown)).succeedsWithin(Duration.ofSeconds(15));
        }
    }

    @Test
    void aCollocatedCallPendingAtTheEndOfTheGracePeriodIsAnsweredWithAnErrorToo() throws Exception {
        ParkingCalculator servant = new ParkingCalculator();
        try (Pair pair = Pair.serving(servant, "Test.GracePeriod", "300")) {
            // Through the server's own communicator: a collocated call, on no connection.
            CalculatorPrx collocated = CalculatorPrx.uncheckedCast(pair.server.stringToProxy(pair.calc.ice_toString()));
            CompletableFuture<Integer> call = collocated.addLaterAsync(1, 2);
            Calculator.AddLaterCallback cb = servant.next();
            CountDownLatch cancelled = new CountDownLatch(1);
            cb.onCancel(cancelled::countDown);

            pair.server.shutdown();

            assertThat(failureOf(call)).hasMessageContaining("grace period of 300 ms");
            assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(CompletableFuture.runAsync(pair.server::waitForShutdown)).succeedsWithin(Duration.ofSeconds(15));
        }
    }

    @Test
    void requestsAnsweredWithinTheGracePeriodGoOutNormallyBeforeTheConnectionCloses() throws Exception {
        ParkingCalculator servant = new ParkingCalculator();
        try (Pair pair = Pair.serving(servant, "Test.GracePeriod", "10000")) {
            CompletableFuture<Integer> call = pair.calc.addLaterAsync(1, 2);
            Calculator.AddLaterCallback cb = servant.next();

            pair.server.shutdown();
            Thread.sleep(100); // the adapter is deactivating, the request still pending
            assertThat(call).isNotDone();
            cb.ice_response(3);

            assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(3);
            assertThat(CompletableFuture.runAsync(pair.server::waitForShutdown)).succeedsWithin(Duration.ofSeconds(15));
        }
    }

    @Test
    void aRequestStillQueuedBehindABlockedThreadIsAnsweredAtTheEndOfTheGracePeriod() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StubCalculator blocking = new StubCalculator() {
            @Override
            public int add(int a, int b, Current current) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return a + b;
            }
        };
        // add is idempotent: Ice would retry the unknown-exception answers; this test is about the answers.
        // A request can only queue behind a blocked thread where the event loop hands requests off.
        try (Pair pair = Pair.serving(blocking, "Test.GracePeriod", "300", "Ice.ThreadPool.Server.HandOff", "1");
             Communicator noRetries = Communicator.initialize("--Ice.RetryIntervals=-1")) {
            CalculatorPrx calc = CalculatorPrx.uncheckedCast(noRetries.stringToProxy(pair.calc.ice_toString()));
            CompletableFuture<Integer> running = calc.addAsync(1, 1);
            CompletableFuture<Integer> queued = calc.addAsync(2, 2);
            Thread.sleep(100);
            pair.server.shutdown();

            assertThat(failureOf(running)).isInstanceOf(UnknownLocalException.class).hasMessageContaining("grace period");
            assertThat(failureOf(queued)).isInstanceOf(UnknownLocalException.class).hasMessageContaining("grace period");
            release.countDown();
        }
    }

    @Test
    void aDispatchBlockingTheOnlyEventLoopIsAnsweredAtTheEndOfTheGracePeriodOnceItsThreadIsFree() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StubCalculator blocking = new StubCalculator() {
            @Override
            public int add(int a, int b, Current current) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return a + b;
            }
        };
        // As in Ice's one-thread pool, the thread that would write the answer is the blocked one.
        try (Pair pair = Pair.serving(blocking, "Test.GracePeriod", "300");
             Communicator noRetries = Communicator.initialize("--Ice.RetryIntervals=-1")) {
            CalculatorPrx calc = CalculatorPrx.uncheckedCast(noRetries.stringToProxy(pair.calc.ice_toString()));
            CompletableFuture<Integer> running = calc.addAsync(1, 1);
            Thread.sleep(100);
            pair.server.shutdown();
            Thread.sleep(600); // past the grace period
            assertThat(running).isNotDone();
            release.countDown();

            assertThat(failureOf(running)).isInstanceOf(UnknownLocalException.class).hasMessageContaining("grace period");
        }
    }
}
