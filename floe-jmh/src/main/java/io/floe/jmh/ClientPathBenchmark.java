package io.floe.jmh;

import Jmh.ByteSeqHelper;
import Jmh.ServicePrx;
import io.floe.Communicator;
import io.floe.Identity;
import io.floe.Properties;
import io.floe.internal.transport.JmhClientHarness;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The client path of a twoway call from a generated proxy's {@code ...Async} method until its
 * Request message is written to the connection's channel (encoding, pending-call registration,
 * the pipeline's write and flush), on a validated client connection (see {@link JmhClientHarness}).
 *
 * <p>Every call gets its reply, so pending calls do not pile up. The {@code ...Written}
 * benchmarks feed it back on the benchmark thread (framing and the pending-call lookup are in
 * the op) but do not wait for the future, which the client executor completes on another thread;
 * at most {@value #WINDOW} calls are left to complete, each waited for {@value #WINDOW} ops later
 * (long done by then). The {@code ...RoundTrip} benchmarks wait for each future: the op then
 * includes decoding the results and the hand-off to the client executor and back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ClientPathBenchmark {
    static final int WINDOW = 64;
    private static final long WAIT_SECONDS = 10;

    ServicePrx proxy;
    byte[] kibibyte;
    private Communicator communicator;
    private JmhClientHarness client;
    private ByteBuf pingReply;
    private ByteBuf echoReply;
    private final CompletableFuture<?>[] window = new CompletableFuture<?>[WINDOW];
    private int next;

    @Setup
    public void setUp() {
        communicator = Communicator.initialize(new Properties());
        client = JmhClientHarness.open(communicator);
        proxy = ServicePrx.uncheckedCast(client.connection().createProxy(Identity.of("bench")));
        kibibyte = new byte[1024];
        pingReply = WireMessages.reply(0, null);
        echoReply = WireMessages.reply(0, out -> ByteSeqHelper.write(out, kibibyte));
    }

    @TearDown
    public void tearDown() throws Exception {
        for (CompletableFuture<?> call : window) {
            if (call != null) {
                call.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
        client.close();
        communicator.destroy();
        pingReply.release();
        echoReply.release();
    }

    @Benchmark
    public int pingWritten() throws Exception {
        CompletableFuture<Void> call = proxy.pingAsync();
        int size = answer(pingReply);
        keep(call);
        return size;
    }

    @Benchmark
    public int echoWritten() throws Exception {
        CompletableFuture<byte[]> call = proxy.echoAsync(kibibyte);
        int size = answer(echoReply);
        keep(call);
        return size;
    }

    @Benchmark
    public Void pingRoundTrip() throws Exception {
        CompletableFuture<Void> call = proxy.pingAsync();
        answer(pingReply);
        return call.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Benchmark
    public byte[] echoRoundTrip() throws Exception {
        CompletableFuture<byte[]> call = proxy.echoAsync(kibibyte);
        answer(echoReply);
        return call.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Takes the request just written and feeds {@code reply}, patched with its id, back.
     * Patching the shared template is safe: the connection reads the id on this thread, and a
     * body the frame decoder slices instead of copying (over 1 KiB) is read past the id.
     */
    private int answer(ByteBuf reply) {
        ByteBuf request = client.takeRequest();
        int size = request.readableBytes();
        int requestId = WireMessages.requestId(request);
        request.release();
        WireMessages.setRequestId(reply, requestId);
        client.receive(reply.retainedDuplicate());
        return size;
    }

    private void keep(CompletableFuture<?> call) throws ExecutionException, InterruptedException, TimeoutException {
        CompletableFuture<?> oldest = window[next];
        if (oldest != null) {
            oldest.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        window[next] = call;
        next = (next + 1) % WINDOW;
    }

    /** Tests: the next message written, not answered; the caller releases it. */
    ByteBuf takeRequest() {
        return client.takeRequest();
    }

    /** Tests: a reply for {@code request}, fed back. */
    void reply(ByteBuf request) {
        WireMessages.setRequestId(pingReply, WireMessages.requestId(request));
        client.receive(pingReply.retainedDuplicate());
    }
}
