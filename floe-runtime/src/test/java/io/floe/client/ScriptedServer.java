package io.floe.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An Ice server on raw sockets whose n-th connection does what a script says with its first
 * request: answer it (after a stray reply for a request id never sent, with STRAY_THEN_REPLY),
 * close gracefully (CloseConnection) or drop the socket. Counts connections and requests, so a
 * test sees exactly what a client retried.
 */
final class ScriptedServer implements AutoCloseable {
    enum Action { REPLY, STRAY_THEN_REPLY, CLOSE_GRACEFULLY, DROP, SILENT }

    static final int STRAY_REQUEST_ID = 1_000_000;

    private static final byte[] MAGIC = {'I', 'c', 'e', 'P', 1, 0, 1, 0};

    private final ServerSocket server;
    private final IntFunction<Action> script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ScriptedServer(IntFunction<Action> script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::acceptLoop, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "tcp -h 127.0.0.1 -p " + server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** The operation names of the requests received, in order. */
    List<String> requests() {
        return requests;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Action action = script.apply(connections.getAndIncrement());
                Thread t = new Thread(() -> serve(socket, action), "scripted-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket, Action action) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(message(3, new byte[0])); // ValidateConnection (ice-protocol.md §2.6)
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                byte[] header = new byte[14];
                in.readFully(header);
                int size = ByteBuffer.wrap(header, 10, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] body = new byte[size - 14];
                in.readFully(body);
                if (header[8] == 4) {
                    return; // CloseConnection: close our end, as an Ice server does (ice-protocol.md §5.2)
                }
                if (header[8] != 0) {
                    continue; // not a request
                }
                ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
                int requestId = b.getInt();
                skipString(b); // name
                skipString(b); // category
                int facets = b.get();
                for (int i = 0; i < facets; i++) {
                    skipString(b);
                }
                requests.add(readString(b));
                switch (action) {
                    case REPLY -> reply(out, requestId);
                    case STRAY_THEN_REPLY -> {
                        reply(out, STRAY_REQUEST_ID);
                        reply(out, requestId);
                    }
                    case CLOSE_GRACEFULLY -> {
                        out.write(message(4, new byte[0]));
                        return;
                    }
                    case DROP -> {
                        return;
                    }
                    case SILENT -> { }
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    // An empty OK reply; none for a oneway request (id 0).
    private static void reply(OutputStream out, int requestId) throws IOException {
        if (requestId != 0) {
            ByteBuffer reply = ByteBuffer.allocate(11).order(ByteOrder.LITTLE_ENDIAN);
            reply.putInt(requestId).put((byte) 0).putInt(6).put((byte) 1).put((byte) 1);
            out.write(message(2, reply.array()));
        }
    }

    private static byte[] message(int type, byte[] body) {
        ByteBuffer m = ByteBuffer.allocate(14 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        m.put(MAGIC).put((byte) type).put((byte) 0).putInt(14 + body.length).put(body);
        return m.array();
    }

    private static void skipString(ByteBuffer b) {
        readString(b);
    }

    private static String readString(ByteBuffer b) {
        int n = b.get() & 0xff;
        if (n == 255) {
            n = b.getInt();
        }
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
