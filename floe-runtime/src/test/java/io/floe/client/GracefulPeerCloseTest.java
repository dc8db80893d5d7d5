package io.floe.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Properties;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.RawPeer;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer that closes gracefully (CloseConnection, ice-protocol.md §2.7) dispatched none of the
 * requests it left unanswered, so they are sent again on a new connection, even for operations
 * that are not idempotent and with retries turned off (Ice.RetryIntervals=-1), as Ice does.
 */
@Timeout(30)
class GracefulPeerCloseTest {
    private static final int CALLS = 3;

    @Test
    void requestsTheServerLeftUnansweredWhenItClosedGracefullyGoToANewConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Communicator client = Communicator.initialize(new Properties().set("Ice.RetryIntervals", "-1"))) {
            listener.setSoTimeout(10_000);
            CalculatorPrx calc = CalculatorPrx.uncheckedCast(
                    client.stringToProxy("calc:tcp -h 127.0.0.1 -p " + listener.getLocalPort()));
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(calc.addLaterAsync(i, 10)); // not idempotent
            }

            try (Socket first = listener.accept()) {
                first.setSoTimeout(10_000);
                first.getOutputStream().write(RawPeer.VALIDATE_CONNECTION);
                DataInputStream in = new DataInputStream(first.getInputStream());
                for (int i = 0; i < CALLS; i++) {
                    assertThat(readMessage(in)[8]).as("a request").isEqualTo((byte) 0);
                }
                first.getOutputStream().write(message(4, new byte[0])); // CloseConnection, nothing answered
                assertThat(in.read()).as("the client closes its end").isEqualTo(-1);
            }
            try (Socket second = listener.accept()) {
                second.setSoTimeout(10_000);
                OutputStream out = second.getOutputStream();
                out.write(RawPeer.VALIDATE_CONNECTION);
                DataInputStream in = new DataInputStream(second.getInputStream());
                for (int i = 0; i < CALLS; i++) {
                    out.write(replyWithInt(readMessage(in), 42));
                }
                for (CompletableFuture<Integer> call : calls) {
                    assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(42);
                }
            }
        }
    }

    private static byte[] readMessage(DataInputStream in) throws IOException {
        byte[] header = new byte[14];
        in.readFully(header);
        int size = ByteBuffer.wrap(header, 10, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] message = new byte[size];
        System.arraycopy(header, 0, message, 0, 14);
        in.readFully(message, 14, size - 14);
        return message;
    }

    /** A Reply (status 0) to {@code request} whose results are one int. */
    private static byte[] replyWithInt(byte[] request, int value) {
        int id = ByteBuffer.wrap(request, 14, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer body = ByteBuffer.allocate(4 + 1 + 6 + 4).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(id).put((byte) 0).putInt(10).put((byte) 1).put((byte) 1).putInt(value);
        return message(2, body.array());
    }

    private static byte[] message(int type, byte[] body) {
        ByteBuffer m = ByteBuffer.allocate(14 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        m.put(new byte[] {'I', 'c', 'e', 'P', 1, 0, 1, 0}).put((byte) type).put((byte) 0).putInt(14 + body.length)
                .put(body);
        return m.array();
    }
}
