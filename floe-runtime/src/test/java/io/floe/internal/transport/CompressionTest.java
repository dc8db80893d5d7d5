package io.floe.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Current;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.Properties;
import io.floe.Servant;
import io.floe.testing.HexBytes;
import io.floe.testing.RawPeer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** bzip2 compression, status 1 and 2, both directions (ice-protocol.md §2.9). */
@Timeout(30)
class CompressionTest {
    private static final String LONG_ID = "::Long::" + "z".repeat(400);

    /** ice_id answers a 400-character type id: a reply far above 100 bytes. */
    static final class LongIdServant implements Servant {
        @Override
        public String ice_id(Current current) {
            return LONG_ID;
        }
    }

    private static Communicator server;
    private static int port;

    @BeforeAll
    static void start() {
        server = Communicator.initialize(new Properties());
        ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Zip", "tcp -h 127.0.0.1 -p 0");
        adapter.add(new LongIdServant(), Identity.of("long"));
        adapter.activate();
        port = Integer.parseInt(adapter.endpoints().get(0).replaceAll(".* -p (\\d+).*", "$1"));
    }

    @AfterAll
    static void stop() {
        server.destroy();
    }

    private static byte[] withStatus(byte[] message, int status) {
        byte[] copy = message.clone();
        copy[9] = (byte) status;
        return copy;
    }

    private static byte[] iceId(int requestId) {
        return RawPeer.request(requestId, "long", "", "ice_id", 1, RawPeer.encaps(new byte[0]));
    }

    @Test
    void aLargeReplyToARequestWithStatusOneIsCompressedWithBlockSizeOne() throws Exception {
        try (RawPeer peer = RawPeer.connect(port)) {
            peer.readExactly(14);
            peer.send(iceId(1));
            byte[] plain = peer.readMessage();
            peer.send(withStatus(iceId(2), 1));
            byte[] zipped = peer.readMessage();

            assertThat(plain[9]).as("status of a reply to a status 0 request").isEqualTo((byte) 0);
            assertThat(zipped[8]).as("type").isEqualTo((byte) 2);
            assertThat(zipped[9]).as("compression status").isEqualTo((byte) 2);
            assertThat(int32(zipped, 10)).as("size on the wire").isEqualTo(zipped.length).isLessThan(plain.length);
            assertThat(int32(zipped, 14)).as("uncompressed size").isEqualTo(plain.length);
            assertThat(Arrays.copyOfRange(zipped, 18, 22)).isEqualTo("BZh1".getBytes());
            byte[] body = bunzip2(Arrays.copyOfRange(zipped, 18, zipped.length));
            byte[] expected = Arrays.copyOfRange(plain, 14, plain.length);
            expected[0] = 2; // request id 2, not 1
            assertThat(body).isEqualTo(expected);
        }
    }

    @Test
    void aSmallReplyToARequestWithStatusOneHasStatusOne() throws Exception {
        try (RawPeer peer = RawPeer.connect(port)) {
            peer.readExactly(14);
            peer.send(withStatus(RawPeer.request(1, "long", "", "ice_ping", 1, RawPeer.encaps(new byte[0])), 1));
            byte[] reply = peer.readMessage();
            assertThat(reply.length).isLessThan(100);
            assertThat(reply[9]).isEqualTo((byte) 1);
            assertThat(HexBytes.format(Arrays.copyOfRange(reply, 14, reply.length))).isEqualTo("01 00 00 00 00 06 00 00 00 01 01");
        }
    }

    @Test
    void aCompressedRequestIsDispatchedAndItsLargeReplyCompressed() throws Exception {
        byte[] plain = iceId(5);
        try (RawPeer peer = RawPeer.connect(port)) {
            peer.readExactly(14);
            peer.send(compress(plain));
            byte[] reply = peer.readMessage();
            assertThat(reply[9]).isEqualTo((byte) 2);
            byte[] body = bunzip2(Arrays.copyOfRange(reply, 18, reply.length));
            assertThat(int32(body, 0)).as("request id").isEqualTo(5);
            assertThat(new String(body, 4 + 1 + 6 + 5, LONG_ID.length())).isEqualTo(LONG_ID);
        }
    }

    @Test
    void aFloeClientWithAMinusZProxyGetsTheCompressedReplyDecoded() {
        try (Communicator client = Communicator.initialize(new Properties())) {
            ObjectPrx proxy = client.stringToProxy("long:tcp -h 127.0.0.1 -p " + port + " -z");
            assertThat(proxy.ice_id()).isEqualTo(LONG_ID);
            assertThat(proxy.ice_ids()).containsExactly("::Ice::Object");
        }
    }

    @Test
    void aMinusZProxySendsLargeRequestsCompressedAndSmallOnesWithStatusOne() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Communicator client = Communicator.initialize(new Properties())) {
            ObjectPrx proxy = client.stringToProxy("long:tcp -h 127.0.0.1 -p " + listener.getLocalPort() + " -z");
            CompletableFuture<Void> small = proxy.ice_pingAsync();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(10_000);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                out.write(RawPeer.VALIDATE_CONNECTION);

                byte[] ping = readMessage(in);
                assertThat(ping[9]).as("status of a small request").isEqualTo((byte) 1);
                assertThat(ping.length).isLessThan(100);
                out.write(reply(int32(ping, 14), "00 06 00 00 00 01 01", 1));
                assertThat(small).succeedsWithin(10, TimeUnit.SECONDS);

                var large = proxy.ice_context(Map.of("k", "v".repeat(300))).ice_idAsync();
                byte[] request = readMessage(in);
                assertThat(request[9]).as("status of a large request").isEqualTo((byte) 2);
                assertThat(int32(request, 10)).isEqualTo(request.length);
                assertThat(Arrays.copyOfRange(request, 18, 22)).isEqualTo("BZh1".getBytes());
                byte[] body = bunzip2(Arrays.copyOfRange(request, 18, request.length));
                assertThat(int32(request, 14)).as("uncompressed size").isEqualTo(14 + body.length);
                assertThat(new String(body)).contains("ice_id").contains("v".repeat(300));

                // The answer comes back compressed, as a -z request allows.
                Body answer = new Body();
                answer.bytes.writeBytes(new byte[] {0});
                byte[] encaps = RawPeer.encaps(stringBytes(LONG_ID));
                answer.bytes.writeBytes(encaps);
                byte[] plainReply = reply(int32(body, 0), HexBytes.format(answer.bytes.toByteArray()), 0);
                out.write(compress(plainReply));
                assertThat(large).succeedsWithin(10, TimeUnit.SECONDS).isEqualTo(LONG_ID);
            }
        }
    }

    private static final class Body {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    }

    private static byte[] stringBytes(String s) {
        byte[] utf8 = s.getBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(255);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
        out.writeBytes(utf8);
        return out.toByteArray();
    }

    private static byte[] reply(int requestId, String statusAndBody, int compression) {
        byte[] rest = HexBytes.parse(statusAndBody);
        ByteBuffer body = ByteBuffer.allocate(4 + rest.length).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(requestId).put(rest);
        byte[] message = RawPeer.message(2, body.array());
        message[9] = (byte) compression;
        return message;
    }

    private static byte[] readMessage(InputStream in) throws IOException {
        byte[] header = in.readNBytes(14);
        int size = int32(header, 10);
        byte[] message = Arrays.copyOf(header, size);
        System.arraycopy(in.readNBytes(size - 14), 0, message, 14, size - 14);
        return message;
    }

    static int int32(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    static byte[] bunzip2(byte[] stream) throws IOException {
        try (var in = new BZip2CompressorInputStream(new ByteArrayInputStream(stream))) {
            return in.readAllBytes();
        }
    }

    /** A whole message compressed as Ice does it: status 2, wire size, uncompressed size, bzip2 body. */
    static byte[] compress(byte[] message) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (var out = new BZip2CompressorOutputStream(zipped, 1)) {
            out.write(message, 14, message.length - 14);
        }
        ByteBuffer result = ByteBuffer.allocate(18 + zipped.size()).order(ByteOrder.LITTLE_ENDIAN);
        result.put(message, 0, 14).putInt(message.length).put(zipped.toByteArray());
        result.put(9, (byte) 2).putInt(10, result.capacity());
        return result.array();
    }
}
