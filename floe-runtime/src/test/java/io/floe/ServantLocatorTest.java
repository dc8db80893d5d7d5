package io.floe;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.LoopbackServer;
import io.floe.testing.StubCalculator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Default servants and servant locators, and the lookup order of Ice's ServantManager
 * (ice-protocol.md §4.1). Each test registers under its own category and removes what it added.
 */
@Timeout(30)
class ServantLocatorTest {
    @RegisterExtension
    static final LoopbackServer server = LoopbackServer.with("Ice.Warn.Dispatch", "0");

    /** Records what it is asked and hands out one servant, or nothing for identities named "none". */
    static class RecordingLocator implements ServantLocator {
        final Servant servant;
        final List<String> calls = new CopyOnWriteArrayList<>();

        RecordingLocator(Servant servant) {
            this.servant = servant;
        }

        @Override
        public LocateResult locate(Current current) throws UserException {
            calls.add("locate " + current.id() + " " + current.operation());
            return current.id().name().equals("none") ? null : new LocateResult(servant, "cookie-" + current.id().name());
        }

        @Override
        public void finished(Current current, Servant located, Object cookie) throws UserException {
            assertThat(located).isSameAs(servant);
            calls.add("finished " + current.id() + " " + cookie);
        }

        @Override
        public void deactivate(String category) {
            calls.add("deactivate " + category);
        }
    }

    /** Adds {@code n} to every sum, so a test can tell which servant answered. */
    static final class Offset extends StubCalculator {
        final int n;

        Offset(int n) {
            this.n = n;
        }

        @Override
        public int add(int a, int b, Current current) {
            return a + b + n;
        }
    }

    static CalculatorPrx calc(String identity) {
        return server.proxy(identity, CalculatorPrx::uncheckedCast);
    }

    @Test
    void aDefaultServantServesEveryIdentityOfItsCategoryThatTheActiveServantMapLacks() throws Exception {
        server.adapter().addDefaultServant(new Offset(100), "books");
        server.adapter().add(new Offset(0), new Identity("registered", "books"));
        try {
            assertThat(calc("books/anything").add(1, 1)).isEqualTo(102);
            assertThat(calc("books/else").add(1, 1)).isEqualTo(102);
            assertThat(calc("books/registered").add(1, 1)).isEqualTo(2);
            assertThat(failureOf(calc("films/anything").addAsync(1, 1))).isInstanceOf(ObjectNotExistException.class);
        } finally {
            server.adapter().removeDefaultServant("books");
            server.adapter().remove(new Identity("registered", "books"));
        }
        assertThat(failureOf(calc("books/anything").addAsync(1, 1))).isInstanceOf(ObjectNotExistException.class);
    }

    @Test
    void theDefaultServantOfTheEmptyCategoryServesCategoriesWithoutTheirOwn() throws Exception {
        ObjectAdapter adapter = server.adapter();
        adapter.addDefaultServant(new Offset(100), "");
        adapter.addDefaultServant(new Offset(200), "maps");
        try {
            assertThat(calc("maps/x").add(0, 0)).isEqualTo(200);
            assertThat(calc("globes/x").add(0, 0)).isEqualTo(100);
            assertThat(calc("x").add(0, 0)).isEqualTo(100);
        } finally {
            adapter.removeDefaultServant("");
            adapter.removeDefaultServant("maps");
        }
    }

    @Test
    void anIdentityWithOnlyOtherFacetsIsFacetNotExistEvenWithADefaultServant() {
        server.adapter().addDefaultServant(new Offset(100), "toys");
        server.adapter().addFacet(new Offset(0), new Identity("car", "toys"), "red");
        try {
            assertThat(failureOf(calc("toys/car").addAsync(1, 1))).isInstanceOf(FacetNotExistException.class);
        } finally {
            server.adapter().removeDefaultServant("toys");
            server.adapter().removeFacet(new Identity("car", "toys"), "red");
        }
    }

    @Test
    void registeringTwiceOrRemovingWhatIsNotThereRaisesAndFindSeesExactlyTheCategory() {
        ObjectAdapter adapter = server.adapter();
        Offset servant = new Offset(1);
        adapter.addDefaultServant(servant, "dup");
        RecordingLocator locator = new RecordingLocator(servant);
        adapter.addServantLocator(locator, "dup");
        try {
            assertThatThrownBy(() -> adapter.addDefaultServant(new Offset(2), "dup"))
                    .isInstanceOf(AlreadyRegisteredException.class);
            assertThatThrownBy(() -> adapter.addServantLocator(locator, "dup"))
                    .isInstanceOf(AlreadyRegisteredException.class);
            assertThat(adapter.findDefaultServant("dup")).isSameAs(servant);
            assertThat(adapter.findServantLocator("dup")).isSameAs(locator);
            assertThat(adapter.findDefaultServant("")).isNull();
            assertThat(adapter.findServantLocator("")).isNull();
        } finally {
            assertThat(adapter.removeDefaultServant("dup")).isSameAs(servant);
            assertThat(adapter.removeServantLocator("dup")).isSameAs(locator);
        }
        assertThatThrownBy(() -> adapter.removeDefaultServant("dup")).isInstanceOf(NotRegisteredException.class);
        assertThatThrownBy(() -> adapter.removeServantLocator("dup")).isInstanceOf(NotRegisteredException.class);
    }

    @Test
    void aLocatorFindsTheServantAndHearsFinishedWithItsCookieAfterTheReplyIsDecided() throws Exception {
        RecordingLocator locator = new RecordingLocator(new Offset(10));
        server.adapter().addServantLocator(locator, "lazy");
        try {
            assertThat(calc("lazy/a").add(1, 2)).isEqualTo(13);
            // finished runs before the reply is sent, so it is already recorded here.
            assertThat(locator.calls).containsExactly("locate lazy/a add", "finished lazy/a cookie-a");
        } finally {
            server.adapter().removeServantLocator("lazy");
        }
    }

    @Test
    void aLocatorThatFindsNothingIsObjectNotExistAndTheDefaultLocatorIsNotAskedToo() {
        RecordingLocator own = new RecordingLocator(new Offset(0));
        RecordingLocator fallback = new RecordingLocator(new Offset(0));
        ObjectAdapter adapter = server.adapter();
        adapter.addServantLocator(own, "sparse");
        adapter.addServantLocator(fallback, "");
        try {
            Throwable thrown = failureOf(calc("sparse/none").addAsync(1, 1));
            assertThat(thrown).isInstanceOf(ObjectNotExistException.class);
            assertThat(((ObjectNotExistException) thrown).id()).isEqualTo(new Identity("none", "sparse"));
            assertThat(own.calls).containsExactly("locate sparse/none add");
            assertThat(fallback.calls).isEmpty();
        } finally {
            adapter.removeServantLocator("sparse");
            adapter.removeServantLocator("");
        }
    }

    @Test
    void theDefaultLocatorServesCategoriesWithoutTheirOwnLocator() throws Exception {
        RecordingLocator fallback = new RecordingLocator(new Offset(5));
        server.adapter().addServantLocator(fallback, "");
        try {
            assertThat(calc("plants/fern").add(0, 0)).isEqualTo(5);
            assertThat(calc("fern").add(0, 0)).isEqualTo(5);
            assertThat(fallback.calls).containsExactly("locate plants/fern add", "finished plants/fern cookie-fern",
                    "locate fern add", "finished fern cookie-fern");
        } finally {
            server.adapter().removeServantLocator("");
        }
    }

    @Test
    void defaultServantsAreConsultedBeforeAnyLocatorAsIceDoes() throws Exception {
        RecordingLocator locator = new RecordingLocator(new Offset(5));
        server.adapter().addServantLocator(locator, "both");
        server.adapter().addDefaultServant(new Offset(7), "");
        try {
            assertThat(calc("both/x").add(0, 0)).isEqualTo(7);
            assertThat(locator.calls).isEmpty();
        } finally {
            server.adapter().removeServantLocator("both");
            server.adapter().removeDefaultServant("");
        }
    }

    @Test
    void whatLocateRaisesIsTranslatedLikeAServantExceptionAndFinishedIsNotCalled() {
        List<String> finished = new CopyOnWriteArrayList<>();
        server.adapter().addServantLocator(new ServantLocator() {
            @Override
            public LocateResult locate(Current current) throws UserException {
                switch (current.id().name()) {
                    case "user" -> throw new Calculator.Overflow(3);
                    case "local" -> throw new TimeoutException("locating");
                    default -> throw new IllegalStateException("no locating " + current.id().name());
                }
            }

            @Override
            public void finished(Current current, Servant servant, Object cookie) {
                finished.add(current.id().name());
            }
        }, "raising");
        try {
            Throwable user = failureOf(calc("raising/user").addAsync(1, 1));
            assertThat(user).isInstanceOf(Calculator.Overflow.class);
            assertThat(((Calculator.Overflow) user).limit).isEqualTo(3);
            assertThat(failureOf(calc("raising/local").addAsync(1, 1))).isInstanceOf(UnknownLocalException.class)
                    .hasMessageContaining("::Ice::TimeoutException").hasMessageContaining("locating");
            assertThat(failureOf(calc("raising/plain").addAsync(1, 1))).isExactlyInstanceOf(UnknownException.class)
                    .hasMessageContaining("no locating plain");
            assertThat(finished).isEmpty();
        } finally {
            server.adapter().removeServantLocator("raising");
        }
    }

    @Test
    void finishedIsCalledWhenTheServantRaisesAndTheServantsExceptionIsTheReply() {
        RecordingLocator locator = new RecordingLocator(new StubCalculator() {
            @Override
            public int add(int a, int b, Current current) throws Overflow {
                throw new Overflow(a + b);
            }
        });
        server.adapter().addServantLocator(locator, "failing");
        try {
            Throwable thrown = failureOf(calc("failing/x").addAsync(2, 2));
            assertThat(thrown).isInstanceOf(Calculator.Overflow.class);
            assertThat(((Calculator.Overflow) thrown).limit).isEqualTo(4);
            assertThat(locator.calls).containsExactly("locate failing/x add", "finished failing/x cookie-x");
        } finally {
            server.adapter().removeServantLocator("failing");
        }
    }

    @Test
    void anExceptionFromFinishedReplacesASynchronousResult() {
        server.adapter().addServantLocator(new ServantLocator() {
            @Override
            public LocateResult locate(Current current) {
                return new LocateResult(new Offset(0), null);
            }

            @Override
            public void finished(Current current, Servant servant, Object cookie) throws UserException {
                throw new Calculator.Overflow(99);
            }
        }, "vetoed");
        try {
            Throwable thrown = failureOf(calc("vetoed/x").addAsync(1, 1));
            assertThat(thrown).isInstanceOf(Calculator.Overflow.class);
            assertThat(((Calculator.Overflow) thrown).limit).isEqualTo(99);
        } finally {
            server.adapter().removeServantLocator("vetoed");
        }
    }

    /** Parks every AMD callback until the test answers it. */
    static final class Parking extends StubCalculator {
        final BlockingQueue<AddLaterCallback> parked = new LinkedBlockingQueue<>();

        @Override
        public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
            parked.add(cb);
        }

        AddLaterCallback next() throws InterruptedException {
            AddLaterCallback cb = parked.poll(10, TimeUnit.SECONDS);
            assertThat(cb).as("a parked callback").isNotNull();
            return cb;
        }
    }

    @Test
    void forAmdFinishedWaitsForTheCallbackAndRunsBeforeTheReplyIsSent() throws Exception {
        Parking parking = new Parking();
        RecordingLocator locator = new RecordingLocator(parking);
        server.adapter().addServantLocator(locator, "amd");
        try {
            CompletableFuture<Integer> reply = calc("amd/x").addLaterAsync(20, 1);
            Calculator.AddLaterCallback cb = parking.next();
            assertThat(locator.calls).containsExactly("locate amd/x addLater");
            assertThat(reply).isNotDone();

            cb.ice_response(21);
            assertThat(reply).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(21);
            assertThat(locator.calls).containsExactly("locate amd/x addLater", "finished amd/x cookie-x");
        } finally {
            server.adapter().removeServantLocator("amd");
        }
    }

    @Test
    void anExceptionFromFinishedReplacesAnAmdResult() throws Exception {
        Parking parking = new Parking();
        server.adapter().addServantLocator(new ServantLocator() {
            @Override
            public LocateResult locate(Current current) {
                return new LocateResult(parking, null);
            }

            @Override
            public void finished(Current current, Servant servant, Object cookie) {
                throw new ObjectNotExistException();
            }
        }, "amdVetoed");
        try {
            CompletableFuture<Integer> reply = calc("amdVetoed/x").addLaterAsync(1, 1);
            parking.next().ice_response(2);
            Throwable thrown = failureOf(reply);
            assertThat(thrown).isInstanceOf(ObjectNotExistException.class);
            assertThat(((ObjectNotExistException) thrown).operation()).isEqualTo("addLater");
        } finally {
            server.adapter().removeServantLocator("amdVetoed");
        }
    }

    @Test
    void locatorsHearDeactivateOnceTheirAdapterHasDeactivated() {
        ObjectAdapter adapter = server.serverCommunicator().createObjectAdapterWithEndpoints("Deactivating",
                "tcp -h 127.0.0.1 -p 0");
        RecordingLocator forCategory = new RecordingLocator(new Offset(0));
        RecordingLocator forAny = new RecordingLocator(new Offset(0));
        adapter.addServantLocator(forCategory, "cat");
        adapter.addServantLocator(forAny, "");
        adapter.activate();

        adapter.deactivate();
        adapter.waitForDeactivate();

        assertThat(forCategory.calls).containsExactly("deactivate cat");
        assertThat(forAny.calls).containsExactly("deactivate ");
        assertThatThrownBy(() -> adapter.addServantLocator(forAny, "other"))
                .isInstanceOf(ObjectAdapterDeactivatedException.class);
    }
}
