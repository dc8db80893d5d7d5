package io.floe.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each encoding benchmark once, outside JMH: what it writes is what Ice sends, what it reads is what was written. */
@Timeout(30)
class EncodingBenchmarkTest {
    private final EncodingBenchmark bench = new EncodingBenchmark();

    @BeforeEach
    void setUp() {
        bench.setUp();
    }

    @AfterEach
    void tearDown() {
        bench.tearDown();
    }

    @Test
    void anIntAndAStringAreOneEncapsulationOfTwentyBytes() {
        ByteBuf out = bench.encodeIntString();

        // size 20 | encoding 1.1 | int 42 | size 9 "sensor-17" (ice-protocol.md §3.2, §3.7)
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo("14000000" + "0101" + "2a000000" + "09"
                + ByteBufUtil.hexDump("sensor-17".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(bench.decodeIntString()).isEqualTo(42 + "sensor-17".length());
    }

    @Test
    void aKibibyteSequenceHasAFiveByteSizeAndComesBackWhole() {
        ByteBuf out = bench.encodeByteSeq();

        assertThat(out.readableBytes()).isEqualTo(6 + 5 + 1024);
        assertThat(ByteBufUtil.hexDump(out, 6, 5)).isEqualTo("ff00040000"); // size 1024 needs 255 + int32
        assertThat(bench.decodeByteSeq()).isEqualTo(bench.kibibyte);
    }

    @Test
    void sixteenSamplesAndATagComeBackEqual() {
        ByteBuf out = bench.encodeSampleSeq();

        // 16 x (long 8 + int 4 + double 8 + size 1 "kPa" 3) + size 1 + 8 tag bytes, in a 6-byte header
        assertThat(out.readableBytes()).isEqualTo(6 + 1 + 16 * 24 + 1 + 8);
        assertThat(bench.decodeSampleSeq()).containsExactly(bench.samples);
    }

    @Test
    void aRequestHeaderIsReadBackAsTheSameHeader() {
        ByteBuf out = bench.encodeRequestHeader();

        assertThat(out.getIntLE(10)).isEqualTo(out.readableBytes());
        assertThat(WireMessages.requestId(out)).isEqualTo(1);
        assertThat(bench.decodeRequestHeader()).isEqualTo(EncodingBenchmark.HEADER);
    }
}
