package io.floe.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A hand-driven Ice peer on a plain {@link Socket}: it writes bytes the test built and reads
 * whole messages back. Every read is bounded by the socket's read timeout.
 */
public final class RawPeer implements AutoCloseable {
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    public static RawPeer connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) READ_TIMEOUT.toMillis());
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        return new RawPeer(socket);
    }

    public Socket socket() {
        return socket;
    }

    public RawPeer send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    public byte[] readExactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new EOFException("peer closed after " + bytes.length + " of " + n + " bytes: "
                    + HexBytes.format(bytes));
        }
        return bytes;
    }

    /** One whole message: the 14-byte header, then as many bytes as its size field says. */
    public byte[] readMessage() throws IOException {
        byte[] header = readExactly(14);
        int size = ByteBuffer.wrap(header, 10, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (size < 14 || size > 16 * 1024 * 1024) {
            throw new IOException("bad message size " + size + " in " + HexBytes.format(header));
        }
        byte[] message = Arrays.copyOf(header, size);
        System.arraycopy(readExactly(size - 14), 0, message, 14, size - 14);
        return message;
    }

    /** Hex of {@link #readMessage()}, for comparisons that print well. */
    public String readMessageHex() throws IOException {
        return HexBytes.format(readMessage());
    }

    /**
     * Waits (up to the read timeout) for the server to close: true on EOF or a reset. Any byte
     * that arrives first fails.
     */
    public boolean awaitClosedByServer() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                throw new IOException("expected the server to close, but received byte " + b);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // connection reset: an abortive close
        }
    }

    /** True if nothing arrives within {@code quiet}; for asserting that something did not happen. */
    public boolean staysSilentFor(Duration quiet) throws IOException {
        int previous = socket.getSoTimeout();
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            int b = in.read();
            throw new IOException(b < 0 ? "the server closed" : "received byte " + b);
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(previous);
        }
    }

    /** Half-closes: the server sees EOF, and this peer can still read. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // Message builders (ice-protocol.md §2).

    public static final byte[] VALIDATE_CONNECTION = HexBytes.parse("49 63 65 50 01 00 01 00 03 00 0e 00 00 00");
    public static final byte[] CLOSE_CONNECTION = HexBytes.parse("49 63 65 50 01 00 01 00 04 00 0e 00 00 00");

    /** A whole message: header with {@code type} and the right size, then {@code body}. */
    public static byte[] message(int type, byte[] body) {
        ByteBuffer m = ByteBuffer.allocate(14 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        m.put(HexBytes.parse("49 63 65 50 01 00 01 00")).put((byte) type).put((byte) 0)
                .putInt(14 + body.length).put(body);
        return m.array();
    }

    /** A Request (type 0) with no context. {@code params} is the whole encapsulation. */
    public static byte[] request(int requestId, String name, String facet, String operation, int mode,
                                 byte[] params) {
        Body body = new Body().int32(requestId);
        requestFields(body, name, facet, operation, mode, params);
        return message(0, body.bytes());
    }

    /** A BatchRequest (type 1) of {@code count} prepared request bodies without ids. */
    public static byte[] batch(byte[]... requests) {
        Body body = new Body().int32(requests.length);
        for (byte[] r : requests) {
            body.raw(r);
        }
        return message(1, body.bytes());
    }

    /** One batched request: a Request's fields without the id. */
    public static byte[] batched(String name, String operation, int mode, byte[] params) {
        Body body = new Body();
        requestFields(body, name, "", operation, mode, params);
        return body.bytes();
    }

    private static void requestFields(Body body, String name, String facet, String operation, int mode,
                                      byte[] params) {
        body.string(name).string("");
        if (facet.isEmpty()) {
            body.size(0);
        } else {
            body.size(1).string(facet);
        }
        body.string(operation).raw(new byte[] {(byte) mode}).size(0).raw(params);
    }

    /** An encapsulation of encoding 1.1 around {@code data}. */
    public static byte[] encaps(byte[] data) {
        return new Body().int32(6 + data.length).raw(new byte[] {1, 1}).raw(data).bytes();
    }

    /** Little-endian body builder. */
    public static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Body int32(int v) {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
            return this;
        }

        public Body size(int n) {
            if (n < 255) {
                out.write(n);
            } else {
                out.write(255);
                int32(n);
            }
            return this;
        }

        public Body string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            size(utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        public Body raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }
}
