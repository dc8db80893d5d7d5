package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.EncodingVersion;
import io.floe.Identity;
import io.floe.MarshalException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding the captures of ice-protocol.md and round trips through OutputStream. */
@Timeout(30)
class InputStreamTest {
    @RegisterExtension
    final Buffers buffers = new Buffers();

    @Test
    void thePrimsCaptureDecodesToItsValues() {
        InputStream in = buffers.in("01 | 7f | fe ff | 04 03 02 01 | 08 07 06 05 04 03 02 01"
                + " | 00 00 80 3f | 00 00 00 00 00 00 04 c0");

        assertThat(in.readBool()).isTrue();
        assertThat(in.readByte()).isEqualTo((byte) 0x7f);
        assertThat(in.readShort()).isEqualTo((short) -2);
        assertThat(in.readInt()).isEqualTo(0x01020304);
        assertThat(in.readLong()).isEqualTo(0x0102030405060708L);
        assertThat(in.readFloat()).isEqualTo(1.0f);
        assertThat(in.readDouble()).isEqualTo(-2.5);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void anyNonZeroByteIsTrue() {
        InputStream in = buffers.in("00 01 02 ff");

        assertThat(in.readBool()).isFalse();
        assertThat(in.readBool()).isTrue();
        assertThat(in.readBool()).isTrue();
        assertThat(in.readBool()).isTrue();
    }

    @Test
    void primitivesRoundTripWithAllTheirBits() {
        OutputStream out = buffers.out();
        out.writeBool(false);
        out.writeByte(Byte.MIN_VALUE);
        out.writeShort(Short.MAX_VALUE);
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(Long.MAX_VALUE);
        out.writeFloat(Float.intBitsToFloat(0x7fc00001)); // a NaN with a payload
        out.writeDouble(-0.0);

        InputStream in = buffers.in(out);

        assertThat(in.readBool()).isFalse();
        assertThat(in.readByte()).isEqualTo(Byte.MIN_VALUE);
        assertThat(in.readShort()).isEqualTo(Short.MAX_VALUE);
        assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(Float.floatToRawIntBits(in.readFloat())).isEqualTo(0x7fc00001);
        assertThat(Double.doubleToRawLongBits(in.readDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(in.remaining()).isZero();
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {0, 1, 254, 255, 256, 300, 65536, Integer.MAX_VALUE})
    void sizesRoundTrip(int size) {
        OutputStream out = buffers.out();
        out.writeSize(size);

        InputStream in = buffers.in(out);

        assertThat(in.readSize()).isEqualTo(size);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void aFiveByteSizeMayHoldASmallValue() {
        // Not what Ice writes, but what it accepts.
        assertThat(buffers.in("ff 07 00 00 00").readSize()).isEqualTo(7);
    }

    @Test
    void stringsDecodeFromTheirUtf8Bytes() {
        InputStream in = buffers.in("00 | 02 c3 a9 | 04 f0 9f 98 80 | 03 61 00 62 | 08 \"Hello Al\"");

        assertThat(in.readString()).isEmpty();
        assertThat(in.readString()).isEqualTo("é");
        assertThat(in.readString()).isEqualTo("\uD83D\uDE00").hasSize(2);
        assertThat(in.readString()).isEqualTo("a\u0000b");
        assertThat(in.readString()).isEqualTo("Hello Al");
        assertThat(in.remaining()).isZero();
    }

    @Test
    void stringsRoundTrip() {
        String[] values = {"", "é", "\uD83D\uDE00 non-BMP", "\u0000", "x".repeat(254), "x".repeat(255),
            "é".repeat(150), "\u20ac".repeat(100)};
        OutputStream out = buffers.out();
        for (String v : values) {
            out.writeString(v);
        }

        InputStream in = buffers.in(out);

        for (String v : values) {
            assertThat(in.readString()).isEqualTo(v);
        }
        assertThat(in.remaining()).isZero();
    }

    @Test
    void primitiveSequencesRoundTrip() {
        boolean[] bools = {true, false, true};
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        short[] shorts = {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE};
        int[] ints = {Integer.MIN_VALUE, 1, 2, Integer.MAX_VALUE};
        long[] longs = {Long.MIN_VALUE, 0x0102030405060708L};
        float[] floats = {1.0f, -2.5f, Float.POSITIVE_INFINITY};
        double[] doubles = {-2.5, Double.MIN_VALUE};
        String[] strings = {"::Cap::Hello", "", "é"};

        OutputStream out = buffers.out();
        out.writeBoolSeq(bools);
        out.writeByteSeq(bytes);
        out.writeShortSeq(shorts);
        out.writeIntSeq(ints);
        out.writeLongSeq(longs);
        out.writeFloatSeq(floats);
        out.writeDoubleSeq(doubles);
        out.writeStringSeq(strings);

        InputStream in = buffers.in(out);

        assertThat(in.readBoolSeq()).containsExactly(bools);
        assertThat(in.readByteSeq()).containsExactly(bytes);
        assertThat(in.readShortSeq()).containsExactly(shorts);
        assertThat(in.readIntSeq()).containsExactly(ints);
        assertThat(in.readLongSeq()).containsExactly(longs);
        assertThat(in.readFloatSeq()).containsExactly(floats);
        assertThat(in.readDoubleSeq()).containsExactly(doubles);
        assertThat(in.readStringSeq()).containsExactly(strings);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void nullSequencesAreReadBackAsEmptyArrays() {
        OutputStream out = buffers.out();
        out.writeBoolSeq(null);
        out.writeByteSeq(null);
        out.writeShortSeq(null);
        out.writeIntSeq(null);
        out.writeLongSeq(null);
        out.writeFloatSeq(null);
        out.writeDoubleSeq(null);
        out.writeStringSeq(null);

        InputStream in = buffers.in(out);

        assertThat(in.readBoolSeq()).isEmpty();
        assertThat(in.readByteSeq()).isEmpty();
        assertThat(in.readShortSeq()).isEmpty();
        assertThat(in.readIntSeq()).isEmpty();
        assertThat(in.readLongSeq()).isEmpty();
        assertThat(in.readFloatSeq()).isEmpty();
        assertThat(in.readDoubleSeq()).isEmpty();
        assertThat(in.readStringSeq()).isEmpty();
        assertThat(in.remaining()).isZero();
    }

    @Test
    void theIceIdsResultDecodes() {
        InputStream in = buffers.in("22 00 00 00 01 01 02 0c \"::Cap::Hello\" 0d \"::Ice::Object\"");

        assertThat(in.startEncapsulation()).isEqualTo(EncodingVersion.V1_1);
        assertThat(in.readStringSeq()).containsExactly("::Cap::Hello", "::Ice::Object");
        in.endEncapsulation();
        assertThat(in.remaining()).isZero();
    }

    @Test
    void theIceIsAParamsAndResultDecode() {
        InputStream params = buffers.in("13 00 00 00 01 01 0c \"::Cap::Hello\"");
        InputStream result = buffers.in("07 00 00 00 01 01 01");

        params.startEncapsulation();
        assertThat(params.readString()).isEqualTo("::Cap::Hello");
        params.endEncapsulation();
        result.startEncapsulation();
        assertThat(result.readBool()).isTrue();
        result.endEncapsulation();
    }

    @Test
    void theSayHelloRequestBodyDecodes() {
        InputStream in = buffers.in("06 00 00 00 | 05 \"hello\" 00 | 00 | 08 \"sayHello\" | 00"
                + " | 01 01 6b 01 76 | 09 00 00 00 01 01 02 41 6c");

        assertThat(in.readInt()).isEqualTo(6);
        assertThat(in.readIdentity()).isEqualTo(Identity.of("hello"));
        assertThat(in.readStringSeq()).isEmpty();
        assertThat(in.readString()).isEqualTo("sayHello");
        assertThat(in.readByte()).isZero();
        Map<String, String> context = new LinkedHashMap<>();
        for (int n = in.readAndCheckSeqSize(2); n > 0; n--) {
            context.put(in.readString(), in.readString());
        }
        assertThat(context).containsExactly(Map.entry("k", "v"));
        in.startEncapsulation();
        assertThat(in.readString()).isEqualTo("Al");
        in.endEncapsulation();
        assertThat(in.remaining()).isZero();
    }

    @Test
    void theSayHelloResultDecodes() {
        InputStream in = buffers.in("0f 00 00 00 01 01 08 \"Hello Al\"");

        in.startEncapsulation();
        assertThat(in.readString()).isEqualTo("Hello Al");
        in.endEncapsulation();
    }

    @Test
    void identitiesAreNameThenCategory() {
        InputStream in = buffers.in("02 \"nm\" 03 \"cat\"");

        assertThat(in.readIdentity()).isEqualTo(new Identity("nm", "cat"));
    }

    @Test
    void theNullProxyIsReadAsNull() {
        assertThat(buffers.in("00 00").readProxy()).isNull();
    }

    @Test
    void aProxyWithACategoryButNoNameIsRefused() {
        InputStream in = buffers.in("00 03 \"cat\" 00 00 00 01 00 01 01 00 00");

        assertThatThrownBy(in::readProxy).isInstanceOf(MarshalException.class);
    }

    @Test
    void aProxyCannotBeReadWithoutAProxyDecoder() {
        InputStream in = buffers.in("03 \"id3\" 00 | 00 | 00 | 00 | 01 00 | 01 01 | 00 | 00");

        assertThatThrownBy(in::readProxy).isInstanceOf(MarshalException.class);
    }

    @Test
    void aProxyDecoderReadsTheRestOfANonNullProxy() {
        InputStream in = new InputStream(buffers.of("03 \"id3\" 00 | 00 | 00 | 00 | 01 00 | 01 01 | 00 | 00"),
                (identity, stream) -> {
                    assertThat(identity).isEqualTo(Identity.of("id3"));
                    assertThat(stream.readStringSeq()).isEmpty();
                    stream.readByte();
                    stream.readBool();
                    stream.readShort();
                    stream.readShort();
                    assertThat(stream.readSize()).isZero();
                    assertThat(stream.readString()).isEmpty();
                    return null;
                });

        in.readProxy();

        assertThat(in.remaining()).isZero();
    }

    @Test
    void enumsAreReadAsTheirDeclaredValues() {
        InputStream in = buffers.in("00 | 02 | ff 2c 01 00 00");

        assertThat(Cap.Size.ice_read(in)).isEqualTo(Cap.Size.SMALL);
        assertThat(Cap.Size.ice_read(in)).isEqualTo(Cap.Size.MEDIUM);
        assertThat(Cap.Size.ice_read(in)).isEqualTo(Cap.Size.LARGE);
    }

    @Test
    void enumsRoundTrip() {
        OutputStream out = buffers.out();
        for (Cap.Size s : Cap.Size.values()) {
            s.ice_write(out);
        }

        InputStream in = buffers.in(out);

        for (Cap.Size s : Cap.Size.values()) {
            assertThat(Cap.Size.ice_read(in)).isEqualTo(s);
        }
    }

    @Test
    void anUndeclaredEnumValueIsAMarshalException() {
        InputStream in = buffers.in("01");

        assertThatThrownBy(() -> Cap.Size.ice_read(in)).isInstanceOf(MarshalException.class);
    }

    @Test
    void aDictionaryIsReadAsItWasSent() {
        InputStream in = buffers.in("02 01 61 01 00 00 00 01 62 02 00 00 00");

        Map<String, Integer> dict = new LinkedHashMap<>();
        for (int n = in.readAndCheckSeqSize(5); n > 0; n--) {
            dict.put(in.readString(), in.readInt());
        }

        assertThat(dict).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
    }

    @Test
    void theAddParamsAndResultDecode() {
        InputStream params = buffers.in(Hex.encaps("02 00 00 00 03 00 00 00"));
        InputStream result = buffers.in(Hex.encaps("05 00 00 00"));

        params.startEncapsulation();
        assertThat(params.readInt() + params.readInt()).isEqualTo(5);
        params.endEncapsulation();
        result.startEncapsulation();
        assertThat(result.readInt()).isEqualTo(5);
        result.endEncapsulation();
    }

    @Test
    void anEmptyEncapsulationReadsAsEmpty() {
        InputStream in = buffers.in("06 00 00 00 01 01");

        assertThat(in.skipEmptyEncapsulation()).isEqualTo(EncodingVersion.V1_1);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void aVersion10EncapsulationIsAccepted() {
        InputStream in = buffers.in("06 00 00 00 01 00");

        assertThat(in.startEncapsulation()).isEqualTo(EncodingVersion.V1_0);
        assertThat(in.encoding()).isEqualTo(EncodingVersion.V1_0);
        in.endEncapsulation();
        assertThat(in.encoding()).isEqualTo(EncodingVersion.V1_1);
    }

    @Test
    void nestedEncapsulationsRoundTripAndRestoreTheOuterBoundary() {
        OutputStream out = buffers.out();
        out.startEncapsulation();
        out.writeShort((short) 1);
        out.startEncapsulation();
        out.writeString("h1");
        out.writeInt(1);
        out.endEncapsulation();
        out.writeByte((byte) 7);
        out.endEncapsulation();
        out.writeInt(99); // after the outer encapsulation

        InputStream in = buffers.in(out);

        in.startEncapsulation();
        assertThat(in.readShort()).isEqualTo((short) 1);
        in.startEncapsulation();
        assertThat(in.remaining()).isEqualTo(7);
        assertThat(in.readString()).isEqualTo("h1");
        assertThat(in.readInt()).isEqualTo(1);
        in.endEncapsulation();
        assertThat(in.remaining()).isEqualTo(1);
        assertThat(in.readByte()).isEqualTo((byte) 7);
        in.endEncapsulation();
        assertThat(in.readInt()).isEqualTo(99);
    }

    @Test
    void anEncapsulationCanBeSkippedWhole() {
        InputStream in = buffers.in("19 00 00 00 01 01 09 \"127.0.0.1\" 10 27 00 00 60 ea 00 00 01 | 2a");

        assertThat(in.skipEncapsulation()).isEqualTo(EncodingVersion.V1_1);
        assertThat(in.readByte()).isEqualTo((byte) 0x2a);
    }

    @Test
    void readingPastTheEndOfAnEncapsulationIsOutOfBoundsEvenWithMoreBytesAfterIt() {
        InputStream in = buffers.in(Hex.encaps("0a 00 00 00") + " 01 02 03 04 05 06 07 08");

        in.startEncapsulation();
        assertThat(in.remaining()).isEqualTo(4);

        assertThatThrownBy(in::readLong).isInstanceOf(io.floe.UnmarshalOutOfBoundsException.class);
    }

    @Test
    void aReaderDoesNotMoveAStartedBufferBack() {
        // The buffer may already have been read up to its body (a frame header, for example).
        io.netty.buffer.ByteBuf buf = buffers.of("49 63 65 50 | " + Hex.encaps("2a 00 00 00"));
        buf.skipBytes(4);
        InputStream in = new InputStream(buf);

        in.startEncapsulation();
        assertThat(in.readInt()).isEqualTo(42);
        in.endEncapsulation();
        assertThat(buf.readableBytes()).isZero();
    }
}
