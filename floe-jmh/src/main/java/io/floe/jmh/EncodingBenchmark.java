package io.floe.jmh;

import Jmh.ByteSeqHelper;
import Jmh.Sample;
import Jmh.SampleSeqHelper;
import io.floe.Identity;
import io.floe.OperationMode;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.protocol.CompressionStatus;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.MessageType;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code io.floe.encoding}'s streams on the parameters of Jmh.ice's operations, written as the
 * generated proxy writes them and read as the generated dispatch reads them, and a Request's
 * header up to its parameters. Each encoder writes into one reused buffer and each decoder reads
 * one prepared buffer, so B/op is the stream's own garbage (and the decoded values), not the
 * message buffer's; the client path benchmark counts that one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class EncodingBenchmark {
    static final int KEY = 42;
    static final String NAME = "sensor-17";
    static final int SAMPLES = 16;
    static final RequestHeader HEADER = new RequestHeader(1, Identity.of("bench"), "", "echo",
            OperationMode.NORMAL, Map.of());

    byte[] kibibyte;
    Sample[] samples;
    byte[] tag;
    private ByteBuf out;
    private ByteBuf intString;
    private ByteBuf byteSeq;
    private ByteBuf sampleSeq;
    private ByteBuf requestHeader;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        kibibyte = new byte[1024];
        random.nextBytes(kibibyte);
        samples = new Sample[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = new Sample(1_700_000_000_000L + i, i, random.nextDouble(), "kPa");
        }
        tag = new byte[] {1, 2, 3, 4, 5, 6, 7, 8};
        out = PooledByteBufAllocator.DEFAULT.heapBuffer(4096);
        intString = encodeIntString().copy();
        byteSeq = encodeByteSeq().copy();
        sampleSeq = encodeSampleSeq().copy();
        requestHeader = encodeRequestHeader().copy();
    }

    @TearDown
    public void tearDown() {
        out.release();
        intString.release();
        byteSeq.release();
        sampleSeq.release();
        requestHeader.release();
    }

    /** {@code lookup(int key, string name)}'s params encapsulation. */
    @Benchmark
    public ByteBuf encodeIntString() {
        OutputStream stream = new OutputStream(out.clear());
        stream.startEncapsulation();
        stream.writeInt(KEY);
        stream.writeString(NAME);
        stream.endEncapsulation();
        return out;
    }

    /** {@code echo(ByteSeq data)}'s params encapsulation, 1 KiB of data. */
    @Benchmark
    public ByteBuf encodeByteSeq() {
        OutputStream stream = new OutputStream(out.clear());
        stream.startEncapsulation();
        ByteSeqHelper.write(stream, kibibyte);
        stream.endEncapsulation();
        return out;
    }

    /** {@code store(SampleSeq samples, ByteSeq tag)}'s params: 16 structs of long, int, double, string. */
    @Benchmark
    public ByteBuf encodeSampleSeq() {
        OutputStream stream = new OutputStream(out.clear());
        stream.startEncapsulation();
        SampleSeqHelper.write(stream, samples);
        ByteSeqHelper.write(stream, tag);
        stream.endEncapsulation();
        return out;
    }

    /** A Request up to its params: message header, request id, identity, facet, operation, mode, context. */
    @Benchmark
    public ByteBuf encodeRequestHeader() {
        ByteBuf buf = out.clear();
        int start = MessageHeader.write(buf, MessageType.REQUEST, CompressionStatus.NONE);
        buf.writeIntLE(HEADER.requestId());
        HEADER.writeFields(new OutputStream(buf));
        MessageHeader.patchSize(buf, start);
        return buf;
    }

    @Benchmark
    public int decodeIntString() {
        InputStream in = new InputStream(intString.readerIndex(0));
        in.startEncapsulation();
        int key = in.readInt();
        String name = in.readString();
        in.endEncapsulation();
        return key + name.length();
    }

    @Benchmark
    public byte[] decodeByteSeq() {
        InputStream in = new InputStream(byteSeq.readerIndex(0));
        in.startEncapsulation();
        byte[] data = ByteSeqHelper.read(in);
        in.endEncapsulation();
        return data;
    }

    @Benchmark
    public Sample[] decodeSampleSeq() {
        InputStream in = new InputStream(sampleSeq.readerIndex(0));
        in.startEncapsulation();
        Sample[] read = SampleSeqHelper.read(in);
        ByteSeqHelper.read(in);
        in.endEncapsulation();
        return read;
    }

    /** What the server reads before dispatching: message header, request id and {@link RequestHeader}. */
    @Benchmark
    public RequestHeader decodeRequestHeader() {
        ByteBuf buf = requestHeader.readerIndex(0);
        MessageHeader.read(buf);
        InputStream in = new InputStream(buf);
        int requestId = in.readInt();
        return RequestHeader.read(requestId, in);
    }
}
