package io.floe;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.protocol.ReplyStatus;
import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.LogCapture;
import io.floe.testing.LoopbackServer;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Middleware around dispatch: order, rejection, and the outcome of sync and AMD dispatches. */
@Timeout(30)
class DispatchInterceptorTest {
    @RegisterExtension
    static final LoopbackServer server = LoopbackServer.with("Ice.Warn.Dispatch", "0");

    static final BlockingQueue<Calculator.AddLaterCallback> parked = new LinkedBlockingQueue<>();
    static final List<DispatchInterceptor> added = new CopyOnWriteArrayList<>();
    static CalculatorPrx calc;

    @BeforeAll
    static void addServant() {
        server.add("calc", new StubCalculator() {
            @Override
            public int add(int a, int b, Current current) throws Overflow {
                if (a + b > 100) {
                    throw new Overflow(100);
                }
                return a + b;
            }

            @Override
            public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
                parked.add(cb);
            }

            @Override
            public void fail(String kind, Current current) throws Overflow {
                throw ReplyStatusTest.Failures.of(kind);
            }
        });
        calc = server.proxy("calc", CalculatorPrx::uncheckedCast);
    }

    @AfterEach
    void removeInterceptors() {
        added.forEach(i -> assertThat(server.adapter().removeDispatchInterceptor(i)).isTrue());
        added.clear();
    }

    static void add(DispatchInterceptor interceptor) {
        server.adapter().addDispatchInterceptor(interceptor);
        added.add(interceptor);
    }

    /** The metrics interceptor of the DispatchInterceptor documentation, recording into a queue. */
    static BlockingQueue<String> addMetrics() {
        BlockingQueue<String> metrics = new LinkedBlockingQueue<>();
        add((request, next) -> {
            String operation = request.current().operation();
            request.whenAnswered(outcome -> metrics.add(operation + " " + outcome.status()));
            next.proceed(request);
        });
        return metrics;
    }

    @Test
    void interceptorsRunInRegistrationOrderAroundTheServant() throws Exception {
        List<String> trace = new CopyOnWriteArrayList<>();
        add((request, next) -> {
            trace.add("outer in");
            next.proceed(request);
            trace.add("outer out");
        });
        add((request, next) -> {
            trace.add("inner in " + request.current().operation());
            next.proceed(request);
            trace.add("inner out");
        });
        assertThat(calc.add(1, 2)).isEqualTo(3);
        // The reply can overtake the unwinding; wait for it, bounded.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (trace.size() < 4 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(trace).containsExactly("outer in", "inner in add", "inner out", "outer out");
    }

    @Test
    void anInterceptorRejectsRequestsWithoutTheRightContextBeforeAnyServantIsLookedUp() throws Exception {
        add((request, next) -> {
            String token = request.current().ctx().get("token");
            if (token == null) {
                throw new ObjectNotExistException();
            }
            if (!token.equals("secret")) {
                throw new Calculator.Overflow(-1);
            }
            next.proceed(request);
        });
        Throwable anonymous = failureOf(calc.addAsync(1, 1));
        assertThat(anonymous).isInstanceOf(ObjectNotExistException.class);
        assertThat(((ObjectNotExistException) anonymous).id()).isEqualTo(Identity.of("calc"));
        assertThat(((ObjectNotExistException) anonymous).operation()).isEqualTo("add");

        CalculatorPrx wrongToken = CalculatorPrx.uncheckedCast(calc.ice_context(Map.of("token", "guess")));
        Throwable refused = failureOf(wrongToken.addAsync(1, 1));
        assertThat(refused).isInstanceOf(Calculator.Overflow.class);
        assertThat(((Calculator.Overflow) refused).limit).isEqualTo(-1);

        CalculatorPrx authorized = CalculatorPrx.uncheckedCast(calc.ice_context(Map.of("token", "secret")));
        assertThat(authorized.add(1, 1)).isEqualTo(2);
        // Also for objects that do not exist: they are not revealed.
        assertThat(failureOf(server.proxy("nobody", CalculatorPrx::uncheckedCast).addAsync(1, 1)))
                .isInstanceOf(ObjectNotExistException.class);
    }

    @Test
    void aMetricsInterceptorSeesTheReplyStatusOfEverySynchronousOutcome() throws Exception {
        BlockingQueue<String> metrics = addMetrics();
        calc.add(1, 1);
        failureOf(calc.addAsync(100, 1));
        failureOf(calc.failAsync("undeclared"));
        failureOf(calc.failAsync("local"));
        failureOf(calc.failAsync("runtime"));
        failureOf(server.proxy("nobody", CalculatorPrx::uncheckedCast).addAsync(1, 1));
        failureOf(calc.ice_reference().invoke("noSuchOp", OperationMode.NORMAL, null, null, null, null, null));

        // Listeners run before the reply is sent: every outcome is already recorded.
        assertThat(metrics).containsExactly("add OK", "add USER_EXCEPTION", "fail USER_EXCEPTION",
                "fail UNKNOWN_LOCAL_EXCEPTION", "fail UNKNOWN_EXCEPTION", "add OBJECT_NOT_EXIST",
                "noSuchOp OPERATION_NOT_EXIST");
    }

    @Test
    void anAmdOutcomeIsObservedWhenTheCallbackCompletesWithItsElapsedTime() throws Exception {
        List<DispatchOutcome> outcomes = new CopyOnWriteArrayList<>();
        add((request, next) -> {
            request.whenAnswered(outcomes::add);
            next.proceed(request);
        });
        CompletableFuture<Integer> ok = calc.addLaterAsync(1, 1);
        Calculator.AddLaterCallback first = parked.poll(10, TimeUnit.SECONDS);
        long parkedAt = System.nanoTime();
        CompletableFuture<Integer> failed = calc.addLaterAsync(1, 1);
        Calculator.AddLaterCallback second = parked.poll(10, TimeUnit.SECONDS);
        assertThat(outcomes).isEmpty();

        while (System.nanoTime() - parkedAt < TimeUnit.MILLISECONDS.toNanos(20)) {
            Thread.onSpinWait(); // let measurable time pass while the dispatch is pending
        }
        first.ice_response(2);
        assertThat(ok).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(2);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).status()).isEqualTo(ReplyStatus.OK);
        assertThat(outcomes.get(0).exception()).isNull();
        assertThat(outcomes.get(0).elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(20));

        second.ice_exception(new Calculator.Overflow(5));
        failureOf(failed);
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(1).status()).isEqualTo(ReplyStatus.USER_EXCEPTION);
        assertThat(outcomes.get(1).exception()).isInstanceOf(Calculator.Overflow.class);
    }

    @Test
    void aListenerAddedAfterTheAnswerRunsAtOnceWithTheSameOutcome() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        add((request, next) -> {
            next.proceed(request);
            request.whenAnswered(outcome -> seen.add("late " + outcome.status()));
        });
        calc.add(1, 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(seen).containsExactly("late OK");
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheReplyIsUnchanged() throws Exception {
        add((request, next) -> {
            request.whenAnswered(outcome -> {
                throw new IllegalStateException("metrics backend down");
            });
            next.proceed(request);
        });
        try (LogCapture log = new LogCapture()) {
            assertThat(calc.add(2, 3)).isEqualTo(5);
            assertThat(log.text()).contains("outcome listener").contains("metrics backend down");
        }
    }

    @Test
    void anInterceptorMayAnswerItselfWithoutCallingTheServant() {
        add((request, next) -> {
            if (request.current().operation().equals("ice_ping")) {
                request.readEmptyParams();
                request.sendEmptyResult(); // a health check that needs no servant
                return;
            }
            next.proceed(request);
        });
        server.proxy("nobody", p -> p).ice_ping();
        assertThat(failureOf(server.proxy("nobody", CalculatorPrx::uncheckedCast).addAsync(1, 1)))
                .isInstanceOf(ObjectNotExistException.class);
    }

    @Test
    void aRemovedInterceptorNoLongerRuns() throws Exception {
        BlockingQueue<String> metrics = addMetrics();
        calc.add(1, 1);
        removeInterceptors();
        calc.add(1, 1);
        assertThat(metrics).containsExactly("add OK");
    }
}
