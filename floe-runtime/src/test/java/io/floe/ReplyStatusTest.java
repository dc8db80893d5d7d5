package io.floe;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.floe.encoding.UserExceptionFactory;
import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.LoopbackServer;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every reply status of ice-protocol.md §2.5, produced by what a servant raised (§4.4). */
@Timeout(30)
class ReplyStatusTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final LoopbackServer server = LoopbackServer.with("Ice.Warn.Dispatch", "0");

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
            public void fail(String kind, Current current) throws Overflow {
                throw Failures.of(kind);
            }
        });
        // An identity registered only under a facet, for FacetNotExist.
        server.adapter().addFacet(new StubCalculator(), Identity.of("faceted"), "special");
        calc = server.proxy("calc", CalculatorPrx::uncheckedCast);
    }

    @Test
    void okCarriesTheResults() throws Exception {
        assertThat(calc.add(40, 2)).isEqualTo(42);
    }

    @Test
    void aDeclaredUserExceptionArrivesWithItsMembers() {
        Throwable thrown = catchThrowable(() -> calc.add(100, 1));
        assertThat(thrown).isInstanceOf(Calculator.Overflow.class);
        assertThat(((Calculator.Overflow) thrown).limit).isEqualTo(100);
    }

    @Test
    void anUndeclaredUserExceptionBecomesUnknownUserExceptionNamingItsType() {
        assertThat(failureOf(calc.failAsync("undeclared")))
                .isInstanceOf(UnknownUserException.class)
                .extracting(e -> ((UnknownUserException) e).unknown()).isEqualTo("::Test::Undeclared");
    }

    @Test
    void anUnknownIdentityIsObjectNotExistWithTheRequestsIdentityAndOperation() {
        CalculatorPrx nobody = server.proxy("cat/nobody", CalculatorPrx::uncheckedCast);
        Throwable thrown = failureOf(nobody.addAsync(1, 2));
        assertThat(thrown).isInstanceOf(ObjectNotExistException.class);
        ObjectNotExistException e = (ObjectNotExistException) thrown;
        assertThat(e.id()).isEqualTo(new Identity("nobody", "cat"));
        assertThat(e.facet()).isEmpty();
        assertThat(e.operation()).isEqualTo("add");
    }

    @Test
    void aKnownIdentityWithAnUnknownFacetIsFacetNotExist() {
        CalculatorPrx wrongFacet = CalculatorPrx.uncheckedCast(server.proxy("faceted", p -> p).ice_facet("other"));
        Throwable thrown = failureOf(wrongFacet.addAsync(1, 2));
        assertThat(thrown).isInstanceOf(FacetNotExistException.class);
        assertThat(((FacetNotExistException) thrown).facet()).isEqualTo("other");
    }

    @Test
    void anUnknownOperationIsOperationNotExist() {
        CompletableFuture<Void> call = calc.ice_reference().invoke("noSuchOp", OperationMode.NORMAL, null,
                null, null, UserExceptionFactory.NONE, null);
        Throwable thrown = failureOf(call);
        assertThat(thrown).isInstanceOf(OperationNotExistException.class);
        assertThat(((OperationNotExistException) thrown).operation()).isEqualTo("noSuchOp");
    }

    @Test
    void objectNotExistRaisedEmptyByTheServantIsFilledInByTheRuntime() {
        Throwable thrown = failureOf(calc.failAsync("objectNotExist"));
        assertThat(thrown).isInstanceOf(ObjectNotExistException.class);
        assertThat(((ObjectNotExistException) thrown).id()).isEqualTo(Identity.of("calc"));
        assertThat(((ObjectNotExistException) thrown).operation()).isEqualTo("fail");
    }

    @Test
    void aLocalExceptionBecomesUnknownLocalException() {
        assertThat(failureOf(calc.failAsync("local")))
                .isInstanceOf(UnknownLocalException.class)
                .hasMessageContaining("::Ice::TimeoutException").hasMessageContaining("too slow");
    }

    @Test
    void aPlainJavaExceptionBecomesUnknownException() {
        assertThat(failureOf(calc.failAsync("runtime")))
                .isInstanceOf(UnknownException.class)
                .isNotInstanceOfAny(UnknownLocalException.class, UnknownUserException.class)
                .hasMessageContaining("IllegalStateException").hasMessageContaining("boom");
    }

    @Test
    void unknownExceptionsRaisedByTheServantPassThroughWithTheirText() {
        assertThat(failureOf(calc.failAsync("unknownLocal"))).isInstanceOf(UnknownLocalException.class)
                .hasMessage("text 5");
        assertThat(failureOf(calc.failAsync("unknownUser"))).isInstanceOf(UnknownUserException.class)
                .hasMessage("text 6");
        assertThat(failureOf(calc.failAsync("unknown"))).isExactlyInstanceOf(UnknownException.class)
                .hasMessage("text 7");
    }

    @Test
    void aModeThatDoesNotMatchTheDeclarationIsRefusedAsAMarshalException() {
        CompletableFuture<Integer> normalAdd = calc.ice_reference().invoke("add", OperationMode.NORMAL, null,
                out -> {
                    out.writeInt(1);
                    out.writeInt(2);
                }, in -> in.readInt(), UserExceptionFactory.NONE, null);
        assertThat(failureOf(normalAdd)).isInstanceOf(UnknownLocalException.class)
                .hasMessageContaining("unexpected operation mode. expected = ::Ice::Idempotent received = ::Ice::Normal");
    }

    @Test
    void nonmutatingIsAcceptedForAnIdempotentOperation() {
        CompletableFuture<Integer> add = calc.ice_reference().invoke("add", OperationMode.NONMUTATING, null,
                out -> {
                    out.writeInt(1);
                    out.writeInt(2);
                }, in -> in.readInt(), UserExceptionFactory.NONE, null);
        assertThat(add).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(3);
    }

    @Test
    void truncatedParametersAreAMarshalErrorAndTheConnectionStaysUsable() throws Exception {
        CompletableFuture<Integer> shortAdd = calc.ice_reference().invoke("add", OperationMode.IDEMPOTENT, null,
                out -> out.writeInt(1), in -> in.readInt(), UserExceptionFactory.NONE, null);
        assertThat(failureOf(shortAdd)).isInstanceOf(UnknownLocalException.class)
                .hasMessageContaining("UnmarshalOutOfBoundsException");
        assertThat(calc.add(1, 1)).isEqualTo(2);
    }

    @Test
    void builtInOperationsAnswerWithTheServantsTypeIds() {
        assertThat(calc.ice_isA("::Test::Calculator")).isTrue();
        assertThat(calc.ice_isA("::Other")).isFalse();
        assertThat(calc.ice_id()).isEqualTo("::Test::Calculator");
        assertThatThrownBy(() -> server.proxy("nobody", p -> p).ice_ping()).isInstanceOf(ObjectNotExistException.class);
    }

    /** What {@code fail(kind)} raises. */
    static final class Failures {
        private Failures() {
        }

        static Calculator.Overflow declared() {
            return new Calculator.Overflow(7);
        }

        static RuntimeException of(String kind) throws Calculator.Overflow {
            switch (kind) {
                case "declared" -> throw declared();
                case "undeclared" -> throw sneaky(new Calculator.Undeclared());
                case "objectNotExist" -> throw new ObjectNotExistException();
                case "local" -> throw new TimeoutException("too slow");
                case "runtime" -> throw new IllegalStateException("boom");
                case "unknownLocal" -> throw new UnknownLocalException("text 5");
                case "unknownUser" -> throw new UnknownUserException("text 6");
                case "unknown" -> throw new UnknownException("text 7");
                default -> throw new IllegalArgumentException(kind);
            }
        }

        /** Raises a checked exception the method does not declare, as an undeclared Slice exception. */
        @SuppressWarnings("unchecked")
        static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
            throw (T) t;
        }
    }
}
