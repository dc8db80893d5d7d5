package io.floe.client;

import static io.floe.testing.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.ConnectionLostException;
import io.floe.ConnectionRefusedException;
import io.floe.EndpointSelectionType;
import io.floe.InvocationTimeoutException;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.encoding.UserExceptionFactory;
import io.floe.client.ScriptedServer.Action;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Retries (ice-protocol.md §5.6), connect failures and failover across a proxy's endpoints. */
@Timeout(60)
class RetryAndFailoverTest {
    private static CompletableFuture<Void> call(ObjectPrx proxy, String operation, OperationMode mode) {
        return proxy.ice_reference().invoke(operation, mode, null, null, null, UserExceptionFactory.NONE, null);
    }

    @Test
    void aGracefulCloseIsRetriedEvenForANormalOperationAndEvenWithRetriesDisabled() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> n == 0 ? Action.CLOSE_GRACEFULLY : Action.REPLY);
             Communicator client = Communicator.initialize("--Ice.RetryIntervals=-1")) {
            ObjectPrx proxy = client.stringToProxy("x:" + server.endpoint());

            assertThat(call(proxy, "doIt", OperationMode.NORMAL)).succeedsWithin(Duration.ofSeconds(10));
            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.requests()).containsExactly("doIt", "doIt");
        }
    }

    @Test
    void aLostConnectionRetriesAnIdempotentOperationOnceByDefault() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> n == 0 ? Action.DROP : Action.REPLY);
             Communicator client = Communicator.initialize()) {
            ObjectPrx proxy = client.stringToProxy("x:" + server.endpoint());

            assertThat(call(proxy, "read", OperationMode.IDEMPOTENT)).succeedsWithin(Duration.ofSeconds(10));
            assertThat(server.requests()).containsExactly("read", "read");
        }
    }

    @Test
    void aLostConnectionFailsANormalOperationThatWasSentWithoutRetry() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> n == 0 ? Action.DROP : Action.REPLY);
             Communicator client = Communicator.initialize()) {
            ObjectPrx proxy = client.stringToProxy("x:" + server.endpoint());

            assertThat(failureOf(call(proxy, "write", OperationMode.NORMAL)))
                    .isInstanceOf(ConnectionLostException.class);
            assertThat(server.requests()).containsExactly("write");
        }
    }

    @Test
    void retryIntervalsGiveTheNumberOfRetriesAndTheirDelays() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> Action.DROP);
             Communicator client = Communicator.initialize("--Ice.RetryIntervals=0 100 200")) {
            ObjectPrx proxy = client.stringToProxy("x:" + server.endpoint());
            long start = System.nanoTime();

            assertThat(failureOf(call(proxy, "read", OperationMode.NONMUTATING)))
                    .isInstanceOf(ConnectionLostException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(server.requests()).hasSize(4);
        }
    }

    @Test
    void minusOneDisablesRetriesOfIdempotentOperations() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> Action.DROP);
             Communicator client = Communicator.initialize("--Ice.RetryIntervals=-1")) {
            ObjectPrx proxy = client.stringToProxy("x:" + server.endpoint());

            assertThat(failureOf(call(proxy, "read", OperationMode.IDEMPOTENT)))
                    .isInstanceOf(ConnectionLostException.class);
            assertThat(server.requests()).containsExactly("read");
        }
    }

    @Test
    void anInvocationTimeoutIsNeverRetried() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> Action.SILENT);
             Communicator client = Communicator.initialize()) {
            ObjectPrx proxy = client.stringToProxy("x:" + server.endpoint()).ice_invocationTimeout(200);

            assertThat(failureOf(call(proxy, "read", OperationMode.IDEMPOTENT)))
                    .isInstanceOf(InvocationTimeoutException.class);
            assertThat(server.requests()).containsExactly("read");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aProxyFailsOverFromADeadEndpointToTheNextOneWithoutRetrying() throws Exception {
        int dead = deadPort();
        try (ScriptedServer server = new ScriptedServer(n -> Action.REPLY);
             Communicator client = Communicator.initialize("--Ice.RetryIntervals=-1")) {
            ObjectPrx proxy = client.stringToProxy("x:tcp -h 127.0.0.1 -p " + dead + ":" + server.endpoint())
                    .ice_endpointSelection(EndpointSelectionType.ORDERED);

            assertThat(call(proxy, "write", OperationMode.NORMAL)).succeedsWithin(Duration.ofSeconds(10));
            assertThat(call(proxy, "write", OperationMode.NORMAL)).succeedsWithin(Duration.ofSeconds(10));
            assertThat(server.requests()).containsExactly("write", "write");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionThatNeverComesIsRetriedAsUnsentThenFailsWithTheLastEndpointsError() throws Exception {
        try (Communicator client = Communicator.initialize("--Ice.RetryIntervals=0 50")) {
            ObjectPrx proxy = client.stringToProxy("x:tcp -h 127.0.0.1 -p " + deadPort()
                    + ":tcp -h 127.0.0.1 -p " + deadPort());

            assertThat(failureOf(call(proxy, "write", OperationMode.NORMAL)))
                    .isInstanceOf(ConnectionRefusedException.class);
        }
    }

    @Test
    void aServerThatAcceptsButNeverValidatesCountsAsNotSentUnderTheConnectTimeout() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             ScriptedServer server = new ScriptedServer(n -> Action.REPLY);
             Communicator client = Communicator.initialize("--Ice.Override.ConnectTimeout=300",
                     "--Ice.RetryIntervals=-1")) {
            ObjectPrx proxy = client.stringToProxy("x:tcp -h 127.0.0.1 -p " + mute.getLocalPort() + ":"
                    + server.endpoint()).ice_endpointSelection(EndpointSelectionType.ORDERED);

            assertThat(call(proxy, "write", OperationMode.NORMAL)).succeedsWithin(Duration.ofSeconds(10));
            assertThat(server.requests()).containsExactly("write");
        }
    }

    private static int deadPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
