package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.EncodingVersion;
import io.floe.MarshalException;
import io.floe.UnsupportedEncodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte-exact encoding against ice-protocol.md §3 and the captures of §9. */
@Timeout(30)
class OutputStreamTest {
    @RegisterExtension
    final Buffers buffers = new Buffers();

    private static void assertBytes(OutputStream out, String expected) {
        assertThat(Hex.of(out.buffer())).isEqualTo(Hex.canonical(expected));
    }

    @Test
    void primitivesAreLittleEndianWithoutAlignmentAsInThePrimsCapture() {
        OutputStream out = buffers.out();

        out.writeBool(true);
        out.writeByte((byte) 0x7f);
        out.writeShort((short) -2);
        out.writeInt(0x01020304);
        out.writeLong(0x0102030405060708L);
        out.writeFloat(1.0f);
        out.writeDouble(-2.5);

        assertBytes(out, "01 | 7f | fe ff | 04 03 02 01 | 08 07 06 05 04 03 02 01 | 00 00 80 3f"
                + " | 00 00 00 00 00 00 04 c0");
        assertThat(out.size()).isEqualTo(28);
    }

    @Test
    void aLargeSequenceGetsItsExactRoomNotADoubledBuffer() {
        OutputStream out = buffers.out();
        byte[] payload = new byte[1024 * 1024];
        payload[payload.length - 1] = 7;

        out.startEncapsulation();
        out.writeByteSeq(payload);
        out.writeIntSeq(new int[20_000]);
        out.endEncapsulation();

        assertThat(out.size()).isEqualTo(6 + 5 + payload.length + 5 + 80_000);
        assertThat(out.buffer().getByte(6 + 5 + payload.length - 1)).isEqualTo((byte) 7);
        assertThat(out.buffer().capacity()).as("capacity").isLessThan(payload.length + 80_000 + 1024);
    }

    @Test
    void falseIsZeroAndBytesKeepTheirBits() {
        OutputStream out = buffers.out();

        out.writeBool(false);
        out.writeByte((byte) 0xff);
        out.writeByte((byte) 0x80);

        assertBytes(out, "00 ff 80");
    }

    @Test
    void extremePrimitivesKeepAllTheirBits() {
        OutputStream out = buffers.out();

        out.writeShort(Short.MIN_VALUE);
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(-1L);
        out.writeFloat(Float.NaN);
        out.writeDouble(Double.NEGATIVE_INFINITY);

        assertBytes(out, "00 80 | 00 00 00 80 | ff ff ff ff ff ff ff ff | 00 00 c0 7f"
                + " | 00 00 00 00 00 00 f0 ff");
    }

    @ParameterizedTest(name = "size {0} is {1}")
    @CsvSource({
        "0,          00",
        "1,          01",
        "254,        fe",
        "255,        ff ff 00 00 00",
        "300,        ff 2c 01 00 00",
        "2147483647, ff ff ff ff 7f",
    })
    void sizesBelow255TakeOneByteAndLargerOnesFive(int size, String expected) {
        OutputStream out = buffers.out();

        out.writeSize(size);

        assertBytes(out, expected);
    }

    @Test
    void aNegativeSizeIsRefused() {
        OutputStream out = buffers.out();

        assertThatThrownBy(() -> out.writeSize(-1))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("-1");
        assertThat(out.size()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "empty;                    '';              00",
        "ascii;                    Al;              02 41 6c",
        "two-byte UTF-8;           é;               02 c3 a9",
        "three-byte UTF-8;         €;               03 e2 82 ac",
        "supplementary code point; \uD83D\uDE00;    04 f0 9f 98 80",
        "U+0000 is a plain byte;   a\u0000b;        03 61 00 62",
    })
    void stringsAreASizeAndUtf8BytesWithoutTerminator(String description, String value, String expected) {
        OutputStream out = buffers.out();

        out.writeString(value);

        assertBytes(out, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "lone high surrogate before a two-byte char;  \uD800é;             03 3f | c3 a9",
        "lone high surrogate before a pair;           \uD800\uD83D\uDE00;  05 3f | f0 9f 98 80",
        "lone high surrogate before ASCII;            \uD800A;             02 3f 41",
        "lone high surrogate at the end;              a\uD800;             02 61 3f",
        "lone low surrogate;                          \uDC00é;             03 3f c3 a9",
    })
    void anUnpairedSurrogateBecomesAQuestionMarkAndLeavesItsNeighboursIntact(
            String description, String value, String expected) {
        OutputStream out = buffers.out();

        out.writeString(value);

        assertBytes(out, expected);
    }

    @Test
    void aNullStringIsWrittenAsTheEmptyString() {
        OutputStream out = buffers.out();

        out.writeString(null);

        assertBytes(out, "00");
    }

    @Test
    void aStringOf300BytesHasAFiveByteSize() {
        OutputStream out = buffers.out();

        out.writeString("é".repeat(150));

        assertBytes(out, "ff 2c 01 00 00" + " c3 a9".repeat(150));
    }

    @Test
    void aStringOf254BytesStillHasAOneByteSize() {
        OutputStream out = buffers.out();

        out.writeString("x".repeat(254));

        assertBytes(out, "fe" + " 78".repeat(254));
    }

    @Test
    void primitiveSequencesAreACountThenTheElements() {
        OutputStream out = buffers.out();

        out.writeBoolSeq(new boolean[] {true, false, true});
        out.writeByteSeq(new byte[] {5, 6, (byte) 0xff});
        out.writeShortSeq(new short[] {1, -1});
        out.writeIntSeq(new int[] {1, 2});
        out.writeLongSeq(new long[] {3});
        out.writeFloatSeq(new float[] {1.0f, -2.0f});
        out.writeDoubleSeq(new double[] {-2.5});

        assertBytes(out, "03 01 00 01"
                + " | 03 05 06 ff"
                + " | 02 01 00 ff ff"
                + " | 02 01 00 00 00 02 00 00 00"
                + " | 01 03 00 00 00 00 00 00 00"
                + " | 02 00 00 80 3f 00 00 00 c0"
                + " | 01 00 00 00 00 00 00 04 c0");
    }

    @Test
    void nullAndEmptySequencesAreBothJustAZeroCount() {
        OutputStream out = buffers.out();

        out.writeBoolSeq(null);
        out.writeByteSeq(null);
        out.writeShortSeq(null);
        out.writeIntSeq(null);
        out.writeLongSeq(null);
        out.writeFloatSeq(null);
        out.writeDoubleSeq(null);
        out.writeStringSeq(null);
        out.writeBoolSeq(new boolean[0]);
        out.writeByteSeq(new byte[0]);
        out.writeShortSeq(new short[0]);
        out.writeIntSeq(new int[0]);
        out.writeLongSeq(new long[0]);
        out.writeFloatSeq(new float[0]);
        out.writeDoubleSeq(new double[0]);
        out.writeStringSeq(new String[0]);

        assertBytes(out, "00 ".repeat(16));
    }

    @Test
    void aSequenceOf300ElementsHasAFiveByteCount() {
        OutputStream out = buffers.out();

        out.writeByteSeq(new byte[300]);

        assertBytes(out, "ff 2c 01 00 00" + " 00".repeat(300));
    }

    @Test
    void stringSequencesWriteEachStringWithItsOwnSizeAndNullElementsAsEmpty() {
        OutputStream out = buffers.out();

        out.writeStringSeq(new String[] {"::Cap::Hello", null, "é"});

        assertBytes(out, "03 0c \"::Cap::Hello\" 00 02 c3 a9");
    }

    @Test
    void theIceIdsResultIsAStringSequenceInAnEncapsulation() {
        OutputStream out = buffers.out();

        out.startEncapsulation();
        out.writeStringSeq(new String[] {"::Cap::Hello", "::Ice::Object"});
        out.endEncapsulation();

        assertBytes(out, "22 00 00 00 01 01 02 0c \"::Cap::Hello\" 0d \"::Ice::Object\"");
    }

    @Test
    void enumsAreTheirDeclaredValueWrittenAsASize() {
        OutputStream out = buffers.out();

        Cap.Size.SMALL.ice_write(out);
        Cap.Size.MEDIUM.ice_write(out);
        Cap.Size.LARGE.ice_write(out);

        assertBytes(out, "00 | 02 | ff 2c 01 00 00");
    }

    @Test
    void aStringToIntDictionaryIsACountThenKeyValuePairs() {
        OutputStream out = buffers.out();

        // What a generated dictionary<string,int> helper writes (docs/mapping.md).
        out.writeSize(2);
        out.writeString("a");
        out.writeInt(1);
        out.writeString("b");
        out.writeInt(2);

        assertBytes(out, "02 01 61 01 00 00 00 01 62 02 00 00 00");
    }

    @Test
    void aNullProxyIsAnEmptyIdentity() {
        OutputStream out = buffers.out();

        out.writeProxy(null);

        assertBytes(out, "00 00");
    }

    @Test
    void anEmptyEncapsulationIsItsSixByteHeader() {
        OutputStream out = buffers.out();

        out.startEncapsulation();
        out.endEncapsulation();

        assertBytes(out, "06 00 00 00 01 01");
    }

    @Test
    void writeEmptyEncapsulationWritesTheSameHeaderForEitherEncoding() {
        OutputStream out = buffers.out();

        out.writeEmptyEncapsulation(EncodingVersion.V1_1);
        out.writeEmptyEncapsulation(EncodingVersion.V1_0);

        assertBytes(out, "06 00 00 00 01 01 | 06 00 00 00 01 00");
    }

    @Test
    void theSayHelloParamsAndResultMatchTheCapture() {
        OutputStream params = buffers.out();
        params.startEncapsulation();
        params.writeString("Al");
        params.endEncapsulation();

        OutputStream result = buffers.out();
        result.startEncapsulation();
        result.writeString("Hello Al");
        result.endEncapsulation();

        assertBytes(params, "09 00 00 00 01 01 02 41 6c");
        assertBytes(result, "0f 00 00 00 01 01 08 \"Hello Al\"");
    }

    @Test
    void theBuiltInOperationsParamsAndResultsMatchTheCaptures() {
        OutputStream isAParams = buffers.out();
        isAParams.startEncapsulation();
        isAParams.writeString("::Cap::Hello");
        isAParams.endEncapsulation();

        OutputStream isAResult = buffers.out();
        isAResult.startEncapsulation();
        isAResult.writeBool(true);
        isAResult.endEncapsulation();

        OutputStream idResult = buffers.out();
        idResult.startEncapsulation();
        idResult.writeString("::Cap::Hello");
        idResult.endEncapsulation();

        assertBytes(isAParams, "13 00 00 00 01 01 0c \"::Cap::Hello\"");
        assertBytes(isAResult, "07 00 00 00 01 01 01");
        assertBytes(idResult, "13 00 00 00 01 01 0c \"::Cap::Hello\"");
    }

    @Test
    void encapsulationSizesArePatchedWhereverTheEncapsulationStarts() {
        OutputStream out = buffers.out();
        out.writeInt(10); // a request id before the encapsulation, as in a reply
        out.writeByte((byte) 0);

        out.startEncapsulation();
        out.writeInt(2);
        out.writeInt(3);
        out.endEncapsulation();

        assertBytes(out, "0a 00 00 00 | 00 | 0e 00 00 00 01 01 02 00 00 00 03 00 00 00");
    }

    @Test
    void nestedEncapsulationsEachCountTheirOwnHeaderAndContents() {
        OutputStream out = buffers.out();

        out.startEncapsulation();
        out.writeShort((short) 1); // an endpoint type, as in a proxy (§3.10)
        out.startEncapsulation();
        out.writeString("h1");
        out.writeInt(1);
        out.endEncapsulation();
        out.writeByte((byte) 7);
        out.endEncapsulation();

        assertBytes(out, "16 00 00 00 01 01 | 01 00 | 0d 00 00 00 01 01 02 68 31 01 00 00 00 | 07");
    }

    @Test
    void anEncapsulationBiggerThan255BytesHasAPlainInt32Size() {
        OutputStream out = buffers.out();

        out.startEncapsulation();
        out.writeByteSeq(new byte[300]);
        out.endEncapsulation();

        assertThat(out.buffer().getIntLE(0)).isEqualTo(6 + 5 + 300);
        assertThat(out.size()).isEqualTo(311);
    }

    @Test
    void encapsulationsReportTheirEncoding() {
        OutputStream out = buffers.out();
        assertThat(out.encoding()).isEqualTo(EncodingVersion.V1_1);

        out.startEncapsulation(EncodingVersion.V1_0, FormatType.DEFAULT);
        assertThat(out.encoding()).isEqualTo(EncodingVersion.V1_0);
        out.endEncapsulation();

        assertBytes(out, "06 00 00 00 01 00");
    }

    @Test
    void anUnsupportedEncodingCannotBeStarted() {
        OutputStream out = buffers.out();

        assertThatThrownBy(() -> out.startEncapsulation(new EncodingVersion(2, 0), FormatType.DEFAULT))
                .isInstanceOf(UnsupportedEncodingException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void endingAnEncapsulationThatWasNotStartedIsAProgrammingError() {
        OutputStream out = buffers.out();

        assertThatThrownBy(out::endEncapsulation).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSayHelloRequestBodyMatchesTheCapture() {
        OutputStream out = buffers.out();

        // §9.3 after the header: request id, identity, facet, operation, mode, context, params.
        out.writeInt(6);
        out.writeString("hello");
        out.writeString("");
        out.writeStringSeq(null);
        out.writeString("sayHello");
        out.writeByte((byte) 0);
        out.writeSize(1);
        out.writeString("k");
        out.writeString("v");
        out.startEncapsulation();
        out.writeString("Al");
        out.endEncapsulation();

        assertBytes(out, "06 00 00 00 | 05 \"hello\" 00 | 00 | 08 \"sayHello\" | 00"
                + " | 01 01 6b 01 76 | 09 00 00 00 01 01 02 41 6c");
        assertThat(out.size() + 14).as("message size in the captured header").isEqualTo(50);
    }
}
