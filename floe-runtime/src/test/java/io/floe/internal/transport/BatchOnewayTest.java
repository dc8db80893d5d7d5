package io.floe.internal.transport;

import static io.floe.internal.transport.CompressionTest.bunzip2;
import static io.floe.internal.transport.CompressionTest.int32;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Current;
import io.floe.Identity;
import io.floe.InvocationMode;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.Properties;
import io.floe.Servant;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.testing.HexBytes;
import io.floe.testing.RawPeer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Batch oneway (ice-protocol.md §2.4): queued per connection, sent as one BatchRequest. */
@Timeout(30)
class BatchOnewayTest {
    /** Records the "n" context entry of every ice_ping, in dispatch order. */
    static final class Recorder implements Servant {
        final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

        @Override
        public void ice_ping(Current current) {
            seen.add(current.ctx().getOrDefault("n", "?"));
        }

        String next() throws InterruptedException {
            String n = seen.poll(10, TimeUnit.SECONDS);
            assertThat(n).as("next dispatched ping").isNotNull();
            return n;
        }
    }

    private static Communicator server;
    private static final Recorder recorder = new Recorder();
    private static int port;

    @BeforeAll
    static void start() {
        server = Communicator.initialize(new Properties());
        ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Batch", "tcp -h 127.0.0.1 -p 0");
        adapter.add(recorder, Identity.of("rec"));
        adapter.activate();
        port = Integer.parseInt(adapter.endpoints().get(0).replaceAll(".* -p (\\d+).*", "$1"));
    }

    @AfterAll
    static void stop() {
        server.destroy();
    }

    static ObjectPrx batch(ObjectPrx proxy) {
        return proxy.ice_reference().withMode(InvocationMode.BATCH_ONEWAY).toProxy();
    }

    private static ObjectPrx ping(ObjectPrx proxy, int n) {
        return proxy.ice_context(Map.of("n", Integer.toString(n)));
    }

    @Test
    void aFlushSendsOneBatchRequestWithTheRequestsInOrderAndWithoutIds() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Communicator client = Communicator.initialize(new Properties())) {
            ObjectPrx proxy = batch(client.stringToProxy("hello:tcp -h 127.0.0.1 -p " + listener.getLocalPort()));
            var first = proxy.ice_pingAsync();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(RawPeer.VALIDATE_CONNECTION);
                assertThat(first).succeedsWithin(10, TimeUnit.SECONDS);
                proxy.ice_context(Map.of("k", "v")).ice_ping(); // queued: completes at once
                InputStream in = socket.getInputStream();
                assertThat(in.available()).as("nothing is sent before the flush").isZero();

                client.flushBatchRequests();

                byte[] expected = RawPeer.batch(
                        RawPeer.batched("hello", "ice_ping", 1, RawPeer.encaps(new byte[0])),
                        HexBytes.parse("05 68 65 6c 6c 6f 00 00 08 69 63 65 5f 70 69 6e 67 01"
                                + " 01 01 6b 01 76 06 00 00 00 01 01"));
                assertThat(HexBytes.format(in.readNBytes(expected.length))).isEqualTo(HexBytes.format(expected));
            }
        }
    }

    @Test
    void aFloeServerDispatchesABatchInOrderOnlyOnceFlushed() throws Exception {
        try (Communicator client = Communicator.initialize(new Properties())) {
            ObjectPrx proxy = batch(client.stringToProxy("rec:tcp -h 127.0.0.1 -p " + port));
            for (int i = 0; i < 50; i++) {
                ping(proxy, i).ice_ping();
            }
            assertThat(recorder.seen.poll(300, TimeUnit.MILLISECONDS)).as("dispatched before the flush").isNull();
            Connection connection = client._instance().connector()
                    .connect(TcpEndpoint.parse("tcp -h 127.0.0.1 -p " + port, "")).get(10, TimeUnit.SECONDS);
            assertThat(connection.batchRequests().size()).isEqualTo(50);

            assertThat(connection.batchRequests().flush()).succeedsWithin(10, TimeUnit.SECONDS);

            assertThat(connection.batchRequests().isEmpty()).isTrue();
            for (int i = 0; i < 50; i++) {
                assertThat(recorder.next()).isEqualTo(Integer.toString(i));
            }
        }
    }

    @Test
    void aBatchReachingBatchAutoFlushSizeIsSentByItself() throws Exception {
        try (Communicator client = Communicator.initialize(new Properties().set("Ice.BatchAutoFlushSize", "1"))) {
            ObjectPrx proxy = batch(client.stringToProxy("rec:tcp -h 127.0.0.1 -p " + port));
            String filler = "x".repeat(300);
            // About 340 bytes each: the third request would make the batch reach 1 KiB, so the
            // first two go out by themselves and the third starts the next batch (as Ice 3.7).
            for (int i = 0; i < 3; i++) {
                proxy.ice_context(Map.of("n", "auto" + i, "filler", filler)).ice_ping();
            }
            assertThat(List.of(recorder.next(), recorder.next())).containsExactly("auto0", "auto1");
            assertThat(recorder.seen.poll(300, TimeUnit.MILLISECONDS)).as("the third waits for a flush").isNull();
            client.flushBatchRequests();
            assertThat(recorder.next()).isEqualTo("auto2");
        }
    }

    @Test
    void aBatchOfMinusZRequestsIsSentCompressed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Communicator client = Communicator.initialize(new Properties())) {
            ObjectPrx proxy = batch(client.stringToProxy("hello:tcp -h 127.0.0.1 -p " + listener.getLocalPort() + " -z"));
            var first = proxy.ice_context(Map.of("k", "v".repeat(200))).ice_pingAsync();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(RawPeer.VALIDATE_CONNECTION);
                assertThat(first).succeedsWithin(10, TimeUnit.SECONDS);
                proxy.ice_ping();
                client.flushBatchRequests();
                InputStream in = socket.getInputStream();
                byte[] header = in.readNBytes(14);
                assertThat(header[8]).as("type").isEqualTo((byte) 1);
                assertThat(header[9]).as("compression status").isEqualTo((byte) 2);
                byte[] rest = in.readNBytes(int32(header, 10) - 14);
                byte[] body = bunzip2(Arrays.copyOfRange(rest, 4, rest.length));
                assertThat(int32(rest, 0)).isEqualTo(14 + body.length);
                assertThat(int32(body, 0)).as("count").isEqualTo(2);
            }
        }
    }

    @Test
    void batchedRequestsOfARealConnectionsAreFlushedPerConnection() throws Exception {
        try (Communicator client = Communicator.initialize(new Properties())) {
            ObjectPrx proxy = batch(client.stringToProxy("rec:tcp -h 127.0.0.1 -p " + port));
            for (String n : List.of("a", "b", "c")) {
                proxy.ice_context(Map.of("n", n)).ice_ping();
            }
            Connection connection = client._instance().connector()
                    .connect(TcpEndpoint.parse("tcp -h 127.0.0.1 -p " + port, "")).get(10, TimeUnit.SECONDS);
            assertThat(connection.flushBatch()).succeedsWithin(10, TimeUnit.SECONDS);
            assertThat(List.of(recorder.next(), recorder.next(), recorder.next())).containsExactly("a", "b", "c");
        }
    }
}
