package io.floe.jmh;

import Jmh.ByteSeqHelper;
import io.floe.Communicator;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import io.floe.internal.transport.JmhServerHarness;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The server path up to the servant and back: a received Request's bytes go through the accepted
 * connection's pipeline (frame decoding, Connection, the adapter's dispatcher, the generated
 * dispatch), the servant runs, and its Reply is written to the channel. One op is one request
 * and its reply; see {@link JmhServerHarness} for where the servant runs ({@code dispatch}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ServerPathBenchmark {
    static final String IDENTITY = "bench";

    @Param({"INLINE", "POOL"})
    public JmhServerHarness.Dispatch dispatch;

    JmhService servant;
    private Communicator communicator;
    private JmhServerHarness server;
    private ByteBuf ping;
    private ByteBuf echo;

    @Setup
    public void setUp() {
        communicator = Communicator.initialize(new Properties());
        // The nameless adapter needs no endpoint: nothing listens, the harness is its only connection.
        ObjectAdapter adapter = communicator.createObjectAdapter("");
        servant = new JmhService();
        adapter.add(servant, Identity.of(IDENTITY));
        adapter.activate();
        server = JmhServerHarness.open(adapter, dispatch);
        byte[] kibibyte = new byte[1024];
        ping = WireMessages.request(1, IDENTITY, "ping", null);
        echo = WireMessages.request(2, IDENTITY, "echo", out -> ByteSeqHelper.write(out, kibibyte));
    }

    @TearDown
    public void tearDown() {
        server.close();
        communicator.destroy();
        ping.release();
        echo.release();
    }

    /** {@code ping()}: the smallest request, an empty reply. */
    @Benchmark
    public int ping() {
        return answer(server.exchange(ping.retainedDuplicate()));
    }

    /** {@code echo(ByteSeq)} with 1 KiB each way. */
    @Benchmark
    public int echo() {
        return answer(server.exchange(echo.retainedDuplicate()));
    }

    private static int answer(ByteBuf reply) {
        int size = reply.readableBytes();
        reply.release();
        return size;
    }

    /** Tests: one exchange, the reply kept for the caller to check and release. */
    ByteBuf exchangePing() {
        return server.exchange(ping.retainedDuplicate());
    }

    ByteBuf exchangeEcho() {
        return server.exchange(echo.retainedDuplicate());
    }
}
