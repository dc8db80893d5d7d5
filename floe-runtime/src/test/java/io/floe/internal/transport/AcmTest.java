package io.floe.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.ConnectionTimeoutException;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.Properties;
import io.floe.testing.HexBytes;
import io.floe.testing.RawPeer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Active Connection Management, both sides (ice-protocol.md §5.3). */
@Timeout(30)
class AcmTest {
    @Test
    void aFloeServerHeartbeatsAnIdleConnectionByDefault() throws Exception {
        try (Communicator server = Communicator.initialize(new Properties().set("Ice.ACM.Timeout", "1"))) {
            ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Acm", "tcp -h 127.0.0.1 -p 0");
            adapter.activate();
            int port = Integer.parseInt(adapter.endpoints().get(0).replaceAll(".* -p (\\d+).*", "$1"));
            try (RawPeer peer = RawPeer.connect(port)) {
                assertThat(peer.readExactly(14)).containsExactly(RawPeer.VALIDATE_CONNECTION);
                long start = System.nanoTime();
                for (int i = 0; i < 3; i++) {
                    assertThat(peer.readExactly(14)).containsExactly(RawPeer.VALIDATE_CONNECTION);
                }
                // Three heartbeats, each after 250 to 500 ms of silence.
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(
                        Duration.ofMillis(600), Duration.ofMillis(2500));
            }
        }
    }

    @Test
    void aFloeClientHeartbeatsAnIdleConnectionByDefault() throws Exception {
        Properties props = new Properties().set("Ice.ACM.Timeout", "1").set("Ice.ACM.Client.Close", "0");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Communicator client = Communicator.initialize(props)) {
            ObjectPrx proxy = client.stringToProxy("x:tcp -h 127.0.0.1 -p " + listener.getLocalPort());
            var ping = proxy.ice_pingAsync();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(RawPeer.VALIDATE_CONNECTION);
                InputStream in = socket.getInputStream();
                byte[] request = readMessage(in);
                socket.getOutputStream().write(reply(request));
                assertThat(ping).succeedsWithin(10, TimeUnit.SECONDS);
                for (int i = 0; i < 3; i++) {
                    assertThat(readMessage(in)).containsExactly(RawPeer.VALIDATE_CONNECTION);
                }
            }
        }
    }

    @Test
    void anIdleClientConnectionIsClosedWithCloseConnection() throws Exception {
        Properties props = new Properties().set("Ice.ACM.Client.Timeout", "1");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Communicator client = Communicator.initialize(props)) {
            ObjectPrx proxy = client.stringToProxy("x:tcp -h 127.0.0.1 -p " + listener.getLocalPort());
            var ping = proxy.ice_pingAsync();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(RawPeer.VALIDATE_CONNECTION);
                InputStream in = socket.getInputStream();
                socket.getOutputStream().write(reply(readMessage(in)));
                assertThat(ping).succeedsWithin(10, TimeUnit.SECONDS);
                long replied = System.nanoTime();
                byte[] message = readMessage(in);
                while (message[8] == 3) { // heartbeats while idle
                    message = readMessage(in);
                }
                assertThat(message[8]).as("type: CloseConnection").isEqualTo((byte) 4);
                assertThat(message.length).isEqualTo(14);
                assertThat(Duration.ofNanos(System.nanoTime() - replied)).isBetween(
                        Duration.ofMillis(900), Duration.ofMillis(3000));
                socket.close(); // the receiver closes; the client then forgets the connection
            }
            // The next call connects again.
            var again = proxy.ice_pingAsync();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(RawPeer.VALIDATE_CONNECTION);
                socket.getOutputStream().write(reply(readMessage(socket.getInputStream())));
                assertThat(again).succeedsWithin(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aSilentConnectionWithAPendingCallIsClosedForcefully() throws Exception {
        // No retry: an idempotent ice_ping would otherwise go out again on a new connection.
        Properties props = new Properties().set("Ice.ACM.Timeout", "1").set("Ice.RetryIntervals", "-1");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Communicator client = Communicator.initialize(props)) {
            ObjectPrx proxy = client.stringToProxy("x:tcp -h 127.0.0.1 -p " + listener.getLocalPort());
            var ping = proxy.ice_pingAsync();
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(RawPeer.VALIDATE_CONNECTION);
                InputStream in = socket.getInputStream();
                readMessage(in); // and never answer, nor heartbeat
                assertThat(ping).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                        .havingCause().isInstanceOf(ConnectionTimeoutException.class);
                // Forceful: no CloseConnection, only heartbeats, then EOF.
                byte[] rest = in.readAllBytes();
                for (int i = 0; i + 14 <= rest.length; i += 14) {
                    assertThat(rest[i + 8]).as("type of a message before the close").isEqualTo((byte) 3);
                }
            }
        }
    }

    private static byte[] reply(byte[] request) {
        int id = ByteBuffer.wrap(request, 14, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] body = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(id).array();
        byte[] rest = HexBytes.parse("00 06 00 00 00 01 01");
        byte[] all = Arrays.copyOf(body, 4 + rest.length);
        System.arraycopy(rest, 0, all, 4, rest.length);
        return RawPeer.message(2, all);
    }

    private static byte[] readMessage(InputStream in) throws IOException {
        byte[] header = in.readNBytes(14);
        if (header.length < 14) {
            throw new IOException("EOF");
        }
        int size = ByteBuffer.wrap(header, 10, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] message = Arrays.copyOf(header, size);
        System.arraycopy(in.readNBytes(size - 14), 0, message, 14, size - 14);
        return message;
    }
}
