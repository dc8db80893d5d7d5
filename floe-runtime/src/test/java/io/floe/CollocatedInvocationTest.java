package io.floe;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.encoding.UserExceptionFactory;
import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.LoopbackServer;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A proxy of the server's own communicator calls its adapter without the network, with the
 * results and failures of the remote path (ice-protocol.md §4.4), compared call for call.
 */
@Timeout(30)
class CollocatedInvocationTest {
    @RegisterExtension
    static final LoopbackServer server = LoopbackServer.with("Ice.Warn.Dispatch", "0");

    static final BlockingQueue<Current> currents = new LinkedBlockingQueue<>();
    static final BlockingQueue<Calculator.AddLaterCallback> parked = new LinkedBlockingQueue<>();

    @BeforeAll
    static void addServants() {
        server.add("calc", new StubCalculator() {
            @Override
            public int add(int a, int b, Current current) throws Overflow {
                currents.add(current);
                if (a + b > 100) {
                    throw new Overflow(100);
                }
                return a + b;
            }

            @Override
            public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
                if (a < 0) {
                    parked.add(cb);
                } else {
                    new Thread(() -> cb.ice_response(a + b)).start();
                }
            }

            @Override
            public void fail(String kind, Current current) throws Overflow {
                currents.add(current);
                throw ReplyStatusTest.Failures.of(kind);
            }
        });
        server.adapter().addFacet(new StubCalculator(), Identity.of("faceted"), "special");
    }

    /** A proxy through the server's own communicator: collocated. */
    static <P> P collocated(String proxy, Function<ObjectPrx, P> cast) {
        return cast.apply(server.serverCommunicator().stringToProxy(proxy.replace("$", server.endpoint())));
    }

    /** The same proxy through the client communicator: over TCP. */
    static <P> P remote(String proxy, Function<ObjectPrx, P> cast) {
        return cast.apply(server.clientCommunicator().stringToProxy(proxy.replace("$", server.endpoint())));
    }

    /** What a call gave, in a form two paths can be compared by. */
    static String outcome(CompletableFuture<?> call) {
        try {
            return "ok " + call.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            String fields;
            if (t instanceof RequestFailedException f) {
                fields = f.id() + " [" + f.facet() + "] " + f.operation();
            } else if (t instanceof Calculator.Overflow o) {
                fields = "limit " + o.limit;
            } else if (t instanceof UnknownException u) {
                fields = u.unknown().lines().findFirst().orElse(""); // the rest is a stack trace
            } else {
                fields = String.valueOf(t.getMessage());
            }
            return t.getClass().getSimpleName() + ": " + fields;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"declared", "undeclared", "objectNotExist", "local", "runtime", "unknownLocal",
            "unknownUser", "unknown"})
    void whatTheServantRaisesArrivesAsItDoesFromAfar(String kind) {
        String here = outcome(collocated("calc:$", CalculatorPrx::uncheckedCast).failAsync(kind));
        String there = outcome(remote("calc:$", CalculatorPrx::uncheckedCast).failAsync(kind));
        assertThat(here).isEqualTo(there).doesNotStartWith("ok");
    }

    @Test
    void everyReplyStatusIsTheSameCollocatedAndRemote() {
        List<Function<Function<String, CalculatorPrx>, CompletableFuture<?>>> calls = List.of(
                p -> p.apply("calc:$").addAsync(40, 2),                                  // 0 OK
                p -> p.apply("calc:$").addAsync(100, 1),                                 // 1 user exception
                p -> p.apply("cat/nobody:$").addAsync(1, 2),                             // 2 ObjectNotExist
                p -> p.apply("faceted -f other:$").addAsync(1, 2),                       // 3 FacetNotExist
                p -> p.apply("calc:$").ice_reference().invoke("noSuchOp", OperationMode.NORMAL, null, null,
                        null, UserExceptionFactory.NONE, null),                          // 4 OperationNotExist
                p -> p.apply("calc:$").ice_reference().invoke("add", OperationMode.NORMAL, null,
                        out -> out.writeInt(1), in -> in.readInt(), null, null),         // 5 mode, then marshal
                p -> p.apply("calc:$").failAsync("unknownUser"),                         // 6
                p -> p.apply("calc:$").failAsync("runtime"),                             // 7
                p -> p.apply("calc:$").addLaterAsync(2, 3),                              // AMD
                p -> p.apply("calc:$").ice_idsAsync().thenApply(List::of));              // built-in
        for (var call : calls) {
            String here = outcome(call.apply(s -> collocated(s, CalculatorPrx::uncheckedCast)));
            String there = outcome(call.apply(s -> remote(s, CalculatorPrx::uncheckedCast)));
            assertThat(here).isEqualTo(there);
        }
        assertThat(outcome(collocated("calc:$", CalculatorPrx::uncheckedCast).addAsync(40, 2))).isEqualTo("ok 42");
    }

    @Test
    void theCollocatedDispatchHasNoConnectionAndRunsOnTheServerPool() throws Exception {
        currents.clear();
        assertThat(collocated("calc:$", CalculatorPrx::uncheckedCast).add(1, 1)).isEqualTo(2);
        Current here = currents.poll(10, TimeUnit.SECONDS);
        assertThat(remote("calc:$", CalculatorPrx::uncheckedCast).add(1, 1)).isEqualTo(2);
        Current there = currents.poll(10, TimeUnit.SECONDS);

        assertThat(here.connection()).isNull();
        assertThat(there.connection()).isNotNull();
        assertThat(here.adapter()).isSameAs(server.adapter());
        assertThat(here.requestId()).isPositive();
        assertThat(List.of(here.id(), here.facet(), here.operation(), here.mode(), here.ctx(), here.encoding()))
                .isEqualTo(List.of(there.id(), there.facet(), there.operation(), there.mode(), there.ctx(),
                        there.encoding()));
    }

    @Test
    void anAmdReplyCompletesTheCollocatedCallWhenTheCallbackIsAnswered() throws Exception {
        CompletableFuture<Integer> call = collocated("calc:$", CalculatorPrx::uncheckedCast).addLaterAsync(-1, 5);
        Calculator.AddLaterCallback cb = parked.poll(10, TimeUnit.SECONDS);
        assertThat(cb).isNotNull();
        assertThat(call).isNotDone();
        Thread answering = new Thread(() -> cb.ice_response(4));
        answering.start();
        assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4);
    }

    @Test
    void aCollocatedOnewayIsDispatchedAndItsFailureIsSilent() throws Exception {
        currents.clear();
        CalculatorPrx oneway = collocated("calc -o:$", CalculatorPrx::uncheckedCast);
        assertThat(oneway.failAsync("declared")).succeedsWithin(Duration.ofSeconds(10));
        Current dispatched = currents.poll(10, TimeUnit.SECONDS);
        assertThat(dispatched).isNotNull();
        assertThat(dispatched.requestId()).isZero();
        assertThat(failureOf(oneway.addAsync(1, 1))).isInstanceOf(TwowayOnlyException.class);
    }

    @Test
    void collocationOptimizedZeroSendsEvenOwnCallsOverTheNetwork() throws Exception {
        try (Communicator own = Communicator.initialize("--Ice.Default.CollocationOptimized=0")) {
            ObjectAdapter adapter = own.createObjectAdapterWithEndpoints("Own", "tcp -h 127.0.0.1 -p 0");
            BlockingQueue<Current> seen = new LinkedBlockingQueue<>();
            adapter.add(new StubCalculator() {
                @Override
                public int add(int a, int b, Current current) {
                    seen.add(current);
                    return a + b;
                }
            }, Identity.of("calc"));
            adapter.activate();
            CalculatorPrx calc = CalculatorPrx.uncheckedCast(own.stringToProxy("calc:" + adapter.endpoints().get(0)));

            assertThat(calc.add(2, 2)).isEqualTo(4);
            assertThat(seen.poll(10, TimeUnit.SECONDS).connection()).isNotNull();
        }
    }

    @Test
    void aProxyForAnotherPortOfTheSameHostIsNotCollocated() {
        CalculatorPrx elsewhere = CalculatorPrx.uncheckedCast(server.serverCommunicator()
                .stringToProxy("calc:tcp -h 127.0.0.1 -p 1 -t 2000"));
        assertThat(failureOf(elsewhere.addAsync(1, 1))).isInstanceOf(LocalException.class)
                .isNotInstanceOf(ObjectNotExistException.class);
    }
}
