package io.floe.client;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.Communicator;
import io.floe.Connection;
import io.floe.ConnectionClose;
import io.floe.ConnectionManuallyClosedException;
import io.floe.Current;
import io.floe.FixedProxyException;
import io.floe.Identity;
import io.floe.InvocationMode;
import io.floe.ObjectAdapter;
import io.floe.ObjectAdapterDeactivatedException;
import io.floe.ObjectNotExistException;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.encoding.UserExceptionFactory;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.StubCalculator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bidirectional connections: a server calls back its client over the connection the client
 * made (Current.con.createProxy), to an adapter the client set on it (Connection.setAdapter).
 */
@Timeout(60)
class BidirectionalTest {
    private static final Identity CALLBACK = Identity.of("callback");

    /**
     * A server whose add(a, b) asks the client's "callback" object for add(a, b) over the same
     * connection. Its dispatch waits for a reply that arrives on its own connection, so the thread
     * that reads that connection must be another one: as in Ice, the pool needs a second thread
     * (SizeMax 2 here: the requests are handed off; an event loop would wait for itself).
     */
    private static final class CallingBackServer implements AutoCloseable {
        final Communicator communicator = Communicator.initialize("--Ice.ThreadPool.Server.SizeMax=2");
        final ObjectAdapter adapter = communicator.createObjectAdapterWithEndpoints("Server", "tcp -h 127.0.0.1 -p 0");
        final BlockingQueue<ObjectPrx> callbacks = new LinkedBlockingQueue<>();

        CallingBackServer() {
            adapter.add(new StubCalculator() {
                @Override
                public int add(int a, int b, Current current) throws Overflow {
                    ObjectPrx fixed = current.con().createProxy(CALLBACK);
                    callbacks.add(fixed);
                    return CalculatorPrx.uncheckedCast(fixed).add(a, b);
                }
            }, Identity.of("server"));
            adapter.activate();
        }

        CalculatorPrx proxy(Communicator client) {
            return CalculatorPrx.uncheckedCast(client.stringToProxy("server:" + adapter.endpoints().get(0)));
        }

        @Override
        public void close() {
            communicator.destroy();
        }
    }

    /** The client's callback object: a multiplier, so its answers are told apart from the server's. */
    private static ObjectAdapter clientAdapter(Communicator client) {
        ObjectAdapter adapter = client.createObjectAdapter("");
        adapter.add(new StubCalculator() {
            @Override
            public int add(int a, int b, Current current) {
                return a * b;
            }
        }, CALLBACK);
        adapter.activate();
        return adapter;
    }

    @Test
    void aServerCallsItsClientBackOverTheClientsOwnConnection() throws Exception {
        try (CallingBackServer server = new CallingBackServer(); Communicator client = Communicator.initialize()) {
            CalculatorPrx proxy = server.proxy(client);
            ObjectAdapter adapter = clientAdapter(client);
            assertThat(adapter.endpoints()).as("the nameless adapter listens nowhere").isEmpty();
            Connection connection = proxy.ice_getConnection();

            connection.setAdapter(adapter);

            assertThat(connection.getAdapter()).isSameAs(adapter);
            assertThat(proxy.add(6, 7)).isEqualTo(42);
            ObjectPrx fixed = server.callbacks.poll(10, TimeUnit.SECONDS);
            assertThat(fixed.ice_isFixed()).isTrue();
            assertThat(fixed.ice_getEndpoints()).isEmpty();
            assertThat(fixed.toString()).as("as Ice prints a fixed proxy").isEqualTo("callback -t -e 1.1");
            assertThat(fixed.ice_getCachedConnection().getInfo().incoming()).isTrue();
            assertThat(fixed.ice_getConnection()).isSameAs(fixed.ice_getCachedConnection());
        }
    }

    @Test
    void withoutAnAdapterTheClientAnswersCallbacksWithObjectNotExist() throws Exception {
        try (CallingBackServer server = new CallingBackServer(); Communicator client = Communicator.initialize()) {
            CalculatorPrx proxy = server.proxy(client);

            // The servant lets its nested call's failure through: the reply names the callback.
            assertThat(failureOf(proxy.addAsync(6, 7))).isInstanceOfSatisfying(ObjectNotExistException.class,
                    e -> assertThat(e.id()).isEqualTo(CALLBACK));
        }
    }

    @Test
    void deactivatingTheClientsAdapterTakesItOffTheConnection() throws Exception {
        try (CallingBackServer server = new CallingBackServer(); Communicator client = Communicator.initialize()) {
            CalculatorPrx proxy = server.proxy(client);
            ObjectAdapter adapter = clientAdapter(client);
            Connection connection = proxy.ice_getConnection();
            connection.setAdapter(adapter);
            assertThat(proxy.add(2, 5)).isEqualTo(10);

            adapter.deactivate();
            adapter.waitForDeactivate();

            assertThat(connection.getAdapter()).isNull();
            assertThat(failureOf(proxy.addAsync(2, 5))).isInstanceOf(ObjectNotExistException.class);
            assertThatThrownBy(() -> connection.setAdapter(adapter)).isInstanceOf(ObjectAdapterDeactivatedException.class);
        }
    }

    @Test
    void aFixedProxyCannotBeMarshaledNorPointedElsewhere() throws Exception {
        try (CallingBackServer server = new CallingBackServer(); Communicator client = Communicator.initialize()) {
            CalculatorPrx proxy = server.proxy(client);
            Connection connection = proxy.ice_getConnection();
            ObjectPrx fixed = connection.createProxy(Identity.of("server"));

            assertThatThrownBy(() -> proxy.ice_reference().invoke("echo", OperationMode.NORMAL, null,
                    out -> out.writeProxy(fixed), null, UserExceptionFactory.NONE, null).join())
                    .hasCauseInstanceOf(FixedProxyException.class);
            assertThatThrownBy(() -> fixed.ice_endpoints("tcp -h 127.0.0.1 -p 1")).isInstanceOf(FixedProxyException.class);
            assertThatThrownBy(() -> fixed.ice_adapterId("a")).isInstanceOf(FixedProxyException.class);
            assertThatThrownBy(() -> fixed.ice_connectionId("x")).isInstanceOf(FixedProxyException.class);
            assertThatThrownBy(() -> fixed.ice_locator(null)).isInstanceOf(FixedProxyException.class);
            assertThat(fixed.ice_adapterId("")).isEqualTo(fixed);
            assertThat(fixed.ice_oneway().toString()).isEqualTo("server -o -e 1.1");
            assertThat(fixed.ice_facet("f").ice_secure(true).toString()).isEqualTo("server -f f -t -s -e 1.1");
            assertThat(fixed).isEqualTo(connection.createProxy(Identity.of("server")));
            assertThat(proxy.ice_fixed(connection)).isEqualTo(fixed);
            assertThat(proxy.ice_isFixed()).isFalse();
        }
    }

    @Test
    void aFixedProxyCallsOverItsConnectionInEveryModeAndFailsOnceItIsClosed() throws Exception {
        try (CallingBackServer server = new CallingBackServer(); Communicator client = Communicator.initialize()) {
            clientAdapter(client);
            CalculatorPrx proxy = server.proxy(client);
            Connection connection = proxy.ice_getConnection();
            connection.setAdapter(client.createObjectAdapter(""));
            CalculatorPrx fixed = CalculatorPrx.uncheckedCast(connection.createProxy(Identity.of("server")));
            assertThat(fixed.ice_getInvocationMode()).isEqualTo(InvocationMode.TWOWAY);
            fixed.ice_ping();
            CalculatorPrx.uncheckedCast(fixed.ice_oneway()).failAsync("none").join();
            CalculatorPrx.uncheckedCast(fixed.ice_batchOneway()).failAsync("none").join();
            fixed.ice_flushBatchRequests();

            connection.close(ConnectionClose.GRACEFULLY);

            // Never retried elsewhere: the proxy exists for that connection only.
            assertThat(failureOf(fixed.ice_pingAsync())).isInstanceOf(ConnectionManuallyClosedException.class);
            assertThatThrownBy(fixed::ice_getConnection).isInstanceOf(ConnectionManuallyClosedException.class);
            proxy.ice_ping(); // a proxy with endpoints connects again
        }
    }
}
